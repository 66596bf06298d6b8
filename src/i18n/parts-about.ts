/**
 * Strings of the about-and-sources panel and of the export buttons, in both languages. The
 * panel's prose (curation, placement, the basemap's provenance) is in about-prose.ts, loaded
 * when the panel opens.
 */
import { singularOfOne, type Lang } from './labels.js';

const zh = {
  'about.title': '关于数据与来源',
  'about.asOf': '数据截至',
  'about.asOfUnknown': '数据日期未知',
  'about.summary': '数字均出自所注来源；项目位置为示意；底图边界非官方地图。',
  'about.counts': '{zones} 个开发区，{projects} 个项目，{sources} 条来源',
  'about.sources': '来源（{count}）',
  'about.citedBy': '引用：{list}',
  'about.zones': '{count} 个开发区',
  'about.zones.one': '{count} 个开发区',
  'about.projects': '{count} 个项目',
  'about.projects.one': '{count} 个项目',
  'about.noSources': '尚无来源。',
  'export.projectsCsv': '导出项目 CSV',
  'export.zonesCsv': '导出开发区 CSV',
  'export.geojson': '导出 GeoJSON',
  'export.png': '导出地图图片',
  'export.failed': '导出失败：{message}',
} as const;

export type AboutKey = keyof typeof zh;

const en: Record<AboutKey, string> = {
  'about.title': 'About the data and sources',
  'about.asOf': 'Data as of',
  'about.asOfUnknown': 'Date of the data unknown',
  'about.summary': 'Every figure is cited; project points are indicative; the borders are not an official map.',
  'about.counts': '{zones} zones, {projects} projects, {sources} sources',
  'about.sources': 'Sources ({count})',
  'about.citedBy': 'Cited by {list}',
  'about.zones': '{count} zones',
  'about.zones.one': '{count} zone',
  'about.projects': '{count} projects',
  'about.projects.one': '{count} project',
  'about.noSources': 'No sources yet.',
  'export.projectsCsv': 'Export projects (CSV)',
  'export.zonesCsv': 'Export zones (CSV)',
  'export.geojson': 'Export GeoJSON',
  'export.png': 'Export map image',
  'export.failed': 'Export failed: {message}',
};

const tables: Record<Lang, Record<AboutKey, string>> = { zh, en };

/** The string for `key` in `lang`, with `{name}` placeholders filled from `values`. */
export function ta(lang: Lang, key: AboutKey, values: Record<string, string | number> = {}): string {
  const text = tables[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
  return lang === 'en' ? singularOfOne(text) : text;
}

/** `{count} zones` / `1 zone`: the count with its noun, singular where English needs it. */
export function taCount(lang: Lang, key: 'about.zones' | 'about.projects', count: number): string {
  return ta(lang, count === 1 ? `${key}.one` : key, { count });
}
