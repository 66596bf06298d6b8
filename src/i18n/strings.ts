/**
 * UI strings, keyed, in both languages. Data labels (statuses, levels, industries…) live in
 * labels.ts; money and dates are formatted in src/data/format.ts.
 */
import { singularOfOne, type Lang } from './labels.js';

export type { Lang };

export const LANGS: readonly Lang[] = ['zh', 'en'];

const zh = {
  'map.label': '山西开发区与重大项目地图',
  'map.loading': '正在加载地图与数据…',
  'map.error': '无法显示地图',
  'map.noWebgl': '此浏览器无法使用 WebGL，地图无法显示。',
  'data.error': '数据加载失败',
  'data.detailsInEnglish': '以下详情为英文，供数据作者核对：',
  'data.details': '详情',
  'popup.zone': '所属开发区',
  'popup.industry': '产业',
  'popup.investment': '总投资',
  'popup.output': '年产值',
  'popup.capacity': '产能',
  'popup.status': '状态',
  'popup.level': '级别',
  'popup.kind': '类型',
  'popup.city': '所在地',
  'popup.established': '设立',
  'popup.area': '面积',
  'popup.industries': '主导产业',
  'popup.projects': '项目',
  'popup.projectsSummary': '{count} 个项目，已披露投资合计 {total}',
  'popup.sources': '来源',
  'popup.placement': '位置',
  'popup.history': '进展',
  'popup.figures': '数据',
  'popup.unverified': '未经来源核实',
  'popup.close': '关闭',
  'popup.hidden': '当前筛选条件下，地图上不显示此项',
  'panel.title': '山西开发区与重大项目',
  'panel.label': '开发区与项目面板',
  'panel.show': '列表与筛选',
  'panel.hide': '收起面板',
  'panel.tabs': '面板内容',
  'tab.list': '列表',
  'tab.layers': '图层与筛选',
  'tab.stats': '统计',
  'tab.about': '关于',
  'export.heading': '下载当前结果',
  'lang.switch': '语言',
  'count.visible': '显示 {projects} 个项目，{zones} 个开发区',
  'list.loading': '正在加载开发区与项目…',
  'list.failed': '开发区与项目数据未能加载，原因见地图区域的提示。',
} as const;

export type StringKey = keyof typeof zh;

const en: Record<StringKey, string> = {
  'map.label': "Map of Shanxi's development zones and major projects",
  'map.loading': 'Loading the map and data…',
  'map.error': 'The map cannot be shown',
  'map.noWebgl': 'This browser cannot use WebGL, so the map cannot be drawn.',
  'data.error': 'The data could not be loaded',
  'data.detailsInEnglish': "The details below are for the data's author:",
  'data.details': 'Details',
  'popup.zone': 'Zone',
  'popup.industry': 'Industry',
  'popup.investment': 'Investment',
  'popup.output': 'Annual output',
  'popup.capacity': 'Capacity',
  'popup.status': 'Status',
  'popup.level': 'Level',
  'popup.kind': 'Kind',
  'popup.city': 'Location',
  'popup.established': 'Established',
  'popup.area': 'Area',
  'popup.industries': 'Lead industries',
  'popup.projects': 'Projects',
  'popup.projectsSummary': '{count} projects, disclosed investment {total}',
  'popup.sources': 'Sources',
  'popup.placement': 'Placement',
  'popup.history': 'History',
  'popup.figures': 'Figures',
  'popup.unverified': 'Not confirmed by a source',
  'popup.close': 'Close',
  'popup.hidden': 'Not shown on the map under the current filters',
  'panel.title': 'Shanxi zones & projects',
  'panel.label': 'Zones and projects panel',
  'panel.show': 'List and filters',
  'panel.hide': 'Hide panel',
  'panel.tabs': 'Panel contents',
  'tab.list': 'List',
  'tab.layers': 'Layers & filters',
  'tab.stats': 'Statistics',
  'tab.about': 'About',
  'export.heading': 'Download the current results',
  'lang.switch': 'Language',
  'count.visible': '{projects} projects, {zones} zones shown',
  'list.loading': 'Loading the zones and projects…',
  'list.failed': 'The zones and projects could not be loaded: the message over the map says why.',
};

const tables: Record<Lang, Record<StringKey, string>> = { zh, en };

/** The string for `key` in `lang`, with `{name}` placeholders filled from `values`. */
export function t(lang: Lang, key: StringKey, values: Record<string, string | number> = {}): string {
  const text = tables[lang][key].replace(/\{(\w+)\}/g, (m, name: string) =>
    name in values ? String(values[name]) : m,
  );
  return lang === 'en' ? singularOfOne(text) : text;
}

/**
 * `zh` unless the value is `en` or an English language tag (`en-GB`, `EN` → `en`); a word that
 * merely starts with "en" (`enemy`) is not one (found by hand).
 */
export function parseLang(value: string | null | undefined): Lang {
  return /^en(?:[-_]|$)/i.test(value?.trim() ?? '') ? 'en' : 'zh';
}
