/**
 * UI strings of the search box and the list (`<szm-search>`, `<szm-list>`), keyed, in both
 * languages. Kept apart from strings.ts until it is merged there; `tf` works like `t`.
 */
import type { Lang } from './labels.js';

const zh = {
  'search.label': '搜索开发区或项目',
  'search.placeholder': '搜索开发区、项目（可用拼音）',
  'search.results': '搜索结果',
  'search.count': '找到 {count} 个结果',
  'search.countShown': '找到 {count} 个结果，显示前 {shown} 个',
  'search.none': '没有找到结果',
  'search.noneFor': '没有找到与“{query}”相关的开发区或项目',
  'search.loading': '正在准备搜索…',
  'search.failed': '搜索功能未能加载（网络或服务器错误），请稍后再试或刷新页面。',
  'search.clear': '清除搜索',
  'kind.zone': '开发区',
  'kind.project': '项目',
  'list.label': '开发区与项目',
  'list.zones': '开发区（{count}）',
  'list.projects': '项目（{count}）',
  'list.projectCount': '{count} 个项目',
  'list.empty': '当前筛选条件下没有开发区或项目。',
  'list.sort': '排序',
  'sort.investment': '投资额',
  'sort.date': '状态日期',
  'sort.name': '名称',
} as const;

export type FindStringKey = keyof typeof zh;

const en: Record<FindStringKey, string> = {
  'search.label': 'Search zones and projects',
  'search.placeholder': 'Search zones, projects, pinyin',
  'search.results': 'Search results',
  'search.count': '{count} results',
  'search.countShown': '{count} results, the first {shown} shown',
  'search.none': 'No results',
  'search.noneFor': 'No zone or project matches “{query}”',
  'search.loading': 'Preparing the search…',
  'search.failed': 'The search could not be loaded (a network or server error): try again, or reload the page.',
  'search.clear': 'Clear the search',
  'kind.zone': 'Zone',
  'kind.project': 'Project',
  'list.label': 'Zones and projects',
  'list.zones': 'Zones ({count})',
  'list.projects': 'Projects ({count})',
  'list.projectCount': '{count} projects',
  'list.empty': 'No zone or project matches the current filters.',
  'list.sort': 'Sort by',
  'sort.investment': 'Investment',
  'sort.date': 'Status date',
  'sort.name': 'Name',
};

/** Singular forms of English strings that take `{count}`. */
const enOne: Partial<Record<FindStringKey, string>> = {
  'search.count': '1 result',
  'list.projectCount': '1 project',
};

const tables: Record<Lang, Record<FindStringKey, string>> = { zh, en };

/**
 * The string for `key` in `lang`, with `{name}` placeholders filled from `values`. In English a
 * `count` of 1 takes the singular form where there is one.
 */
export function tf(lang: Lang, key: FindStringKey, values: Record<string, string | number> = {}): string {
  const template = (lang === 'en' && values.count === 1 && enOne[key]) || tables[lang][key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}
