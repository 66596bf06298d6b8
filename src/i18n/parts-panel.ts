/**
 * UI strings of the side-panel parts (<szm-legend>, <szm-filters>, <szm-stats>), keyed, in
 * both languages. Data labels come from labels.ts through src/data/format.ts; money is only
 * ever formatted there.
 */
import type { Lang } from './labels.js';

const zh = {
  'legend.title': '产业图层',
  'legend.all': '全部',
  'legend.none': '全不选',
  'legend.count': '{count} 个项目',
  'legend.undisclosed': '{count} 个未披露',
  'legend.hint': '点击图层以显示或隐藏',
  'filters.title': '筛选',
  'filters.status': '项目状态',
  'filters.city': '所在城市',
  'filters.cityAll': '全部城市',
  'filters.citySome': '已选 {count} 个城市',
  'filters.level': '开发区级别',
  'filters.investment': '总投资（亿元）',
  'filters.min': '最低',
  'filters.max': '最高',
  'filters.clearRange': '清除',
  'filters.reset': '重置筛选',
  'filters.errorNegative': '金额不能为负数',
  'filters.errorNumber': '请输入数字',
  'filters.errorOrder': '最低值不能大于最高值',
  'filters.anyHint': '不勾选即显示全部',
  'stats.title': '统计',
  'stats.totals': '{count} 个项目，已披露投资合计 {total}',
  'stats.undisclosed': '其中 {count} 个未披露投资额',
  'stats.byIndustry': '按产业图层的投资额',
  'stats.byCity': '按城市的投资额',
  'stats.byStatus': '按状态的项目数',
  'stats.empty': '没有符合当前筛选条件的项目',
  'stats.noInvestment': '没有已披露的投资额',
  'stats.chartLabel': '{title}：{n} 项，最大为 {top}（{value}）',
  'stats.colName': '名称',
  'stats.colInvestment': '已披露投资',
  'stats.colCount': '项目数',
  'stats.colUndisclosed': '未披露',
  'stats.unknownCity': '未知城市',
} as const;

export type PanelKey = keyof typeof zh;

const en: Record<PanelKey, string> = {
  'legend.title': 'Industry layers',
  'legend.all': 'All',
  'legend.none': 'None',
  'legend.count': '{count} projects',
  'legend.undisclosed': '{count} not disclosed',
  'legend.hint': 'Click a layer to show or hide it',
  'filters.title': 'Filters',
  'filters.status': 'Project status',
  'filters.city': 'City',
  'filters.cityAll': 'All cities',
  'filters.citySome': '{count} cities chosen',
  'filters.level': 'Zone level',
  'filters.investment': 'Investment (CNY bn)',
  'filters.min': 'Min',
  'filters.max': 'Max',
  'filters.clearRange': 'Clear',
  'filters.reset': 'Reset filters',
  'filters.errorNegative': 'Amounts cannot be negative',
  'filters.errorNumber': 'Enter a number',
  'filters.errorOrder': 'Min cannot be more than max',
  'filters.anyHint': 'None ticked shows all',
  'stats.title': 'Statistics',
  'stats.totals': '{count} projects, disclosed investment {total}',
  'stats.undisclosed': '{count} without a disclosed figure',
  'stats.byIndustry': 'Investment by industry layer',
  'stats.byCity': 'Investment by city',
  'stats.byStatus': 'Projects by status',
  'stats.empty': 'No project matches the current filters',
  'stats.noInvestment': 'No disclosed investment',
  'stats.chartLabel': '{title}: {n} rows, largest {top} ({value})',
  'stats.colName': 'Name',
  'stats.colInvestment': 'Disclosed investment',
  'stats.colCount': 'Projects',
  'stats.colUndisclosed': 'Not disclosed',
  'stats.unknownCity': 'Unknown city',
};

/** English forms for a count of one (Chinese has no plural). */
const enOne: Partial<Record<PanelKey, string>> = {
  'legend.count': '1 project',
  'stats.totals': '1 project, disclosed investment {total}',
  'filters.citySome': '1 city chosen',
};

export const PANEL_STRINGS: Readonly<Record<Lang, Readonly<Record<PanelKey, string>>>> = { zh, en };

/**
 * The string for `key` in `lang`, with `{name}` placeholders filled from `values`. When
 * `values.count` is 1 (or '1'), English uses its singular form where one exists.
 */
export function tp(lang: Lang, key: PanelKey, values: Record<string, string | number> = {}): string {
  const one = lang === 'en' && String(values.count) === '1' ? enOne[key] : undefined;
  return (one ?? PANEL_STRINGS[lang][key]).replace(/\{(\w+)\}/g, (m, name: string) =>
    name in values ? String(values[name]) : m,
  );
}
