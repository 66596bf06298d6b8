/**
 * Strings of the "Embed this view" part and of the element's basemap notice, in both languages.
 */
import type { Lang } from './labels.js';

const zh = {
  'embed.heading': '嵌入此视图',
  'embed.kind': '嵌入方式',
  'embed.element': '组件',
  'embed.iframe': 'iframe',
  'embed.code': '嵌入代码',
  'embed.copy': '复制',
  'embed.copied': '已复制',
  'embed.copyFailed': '无法复制，请手动选择代码',
  'embed.iframeTitle': '山西开发区与重大项目地图',
  'basemap.fallback': '在线底图无法加载，已改用离线底图。',
  'export.unavailable': '导出功能未能加载（网络或服务器错误），请稍后再试或刷新页面。',
  'basemap.partial': '部分底图图层未能加载，地图数据照常显示。缺少：',
};

const en: Record<keyof typeof zh, string> = {
  'embed.heading': 'Embed this view',
  'embed.kind': 'Embed as',
  'embed.element': 'Element',
  'embed.iframe': 'iframe',
  'embed.code': 'Embed code',
  'embed.copy': 'Copy',
  'embed.copied': 'Copied',
  'embed.copyFailed': 'Could not copy: select the code and copy it by hand',
  'embed.iframeTitle': "Map of Shanxi's development zones and major projects",
  'basemap.fallback': 'The hosted basemap could not be loaded: showing the offline basemap.',
  'export.unavailable': 'The export could not be loaded (a network or server error): try again, or reload the page.',
  'basemap.partial': 'Part of the basemap could not be loaded; the data are shown without it. Missing:',
};

export type EmbedKey = keyof typeof zh;

export function te(lang: Lang, key: EmbedKey): string {
  return (lang === 'en' ? en : zh)[key];
}
