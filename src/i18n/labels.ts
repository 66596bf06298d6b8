/**
 * Data labels in both languages: one table per enum of src/data/schema.ts, plus the names of
 * Shanxi's prefectures. Pure data; src/data/format.ts reads these tables through its
 * `…Label` functions, which is what UI code should call.
 */
import type {
  LocationBasis,
  OutputBasis,
  ProjectStatus,
  ZoneFigure,
  ZoneKind,
  ZoneLevel,
} from '../data/schema.js';

/** The two languages of the component. */
/**
 * English text with a count of one made singular: the tables write plurals ("{projects}
 * projects, {zones} zones shown"), and 1 project, 1 zone reads right (found by hand). Only
 * a whole "1" before the noun counts ("11 projects", "2,001 zones" stay).
 */
export function singularOfOne(text: string): string {
  const one = (noun: string): string => (noun === 'cities' ? 'city' : noun.slice(0, -1));
  return text.replace(/(^|[^\d.,])1 (projects|zones|sources|cities)\b/g, (_, before: string, noun: string) => `${before}1 ${one(noun)}`);
}

export type Lang = 'zh' | 'en';

/** A label in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** Shown for a value no source gives (money, area…). */
export const NOT_DISCLOSED: Bilingual = { zh: '未披露', en: 'not disclosed' };

/** Project statuses, in the order of PROJECT_STATUSES. */
export const STATUS_LABELS: Readonly<Record<ProjectStatus, Bilingual>> = {
  planned: { zh: '谋划中', en: 'Planned' },
  signed: { zh: '已签约', en: 'Signed' },
  'under-construction': { zh: '在建', en: 'Under construction' },
  completed: { zh: '已建成', en: 'Completed' },
  operating: { zh: '已投产', en: 'Operating' },
};

/** Zone levels. `regional` is a cross-city economic region (e.g. 太忻一体化经济区). */
export const LEVEL_LABELS: Readonly<Record<ZoneLevel, Bilingual>> = {
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  municipal: { zh: '市级', en: 'Municipal' },
  regional: { zh: '区域级', en: 'Regional' },
};

/** Zone kinds. */
export const KIND_LABELS: Readonly<Record<ZoneKind, Bilingual>> = {
  'comprehensive-reform': { zh: '综合改革示范区', en: 'Comprehensive reform zone' },
  'economic-region': { zh: '经济区', en: 'Economic region' },
  'high-tech': { zh: '高新技术产业开发区', en: 'High-tech zone' },
  'economic-technological': {
    zh: '经济技术开发区',
    en: 'Economic & technological development zone',
  },
  'economic-development': { zh: '经济开发区', en: 'Economic development zone' },
  'industrial-park': { zh: '产业园区', en: 'Industrial park' },
  agricultural: { zh: '农业高新技术示范区', en: 'Agricultural zone' },
  'eco-tourism': { zh: '生态文化旅游区', en: 'Eco-tourism zone' },
  bonded: { zh: '综合保税区', en: 'Bonded zone' },
};

/** Whether an output figure is a plan or a reported actual. */
export const OUTPUT_BASIS_LABELS: Readonly<Record<OutputBasis, Bilingual>> = {
  planned: { zh: '预计', en: 'Planned' },
  actual: { zh: '实际', en: 'Actual' },
};

/** How a feature's point was placed (stated in popups). */
export const LOCATION_BASIS_LABELS: Readonly<Record<LocationBasis, Bilingual>> = {
  address: { zh: '按来源所述地址', en: 'At the address a source gives' },
  park: { zh: '按所在园区', en: 'At the park a source names' },
  'near-zone': { zh: '示意位置（开发区附近）', en: 'Indicative, near its zone' },
  'district-seat': { zh: '区政府驻地', en: 'District seat' },
  'county-seat': { zh: '县政府驻地', en: 'County seat' },
  'city-seat': { zh: '市政府驻地', en: 'Prefecture seat' },
  'member-counties': { zh: '成员县范围', en: 'Area of its member counties' },
};

/** Units of zone figures, as words (for legends and table headers). */
export const FIGURE_UNIT_LABELS: Readonly<Record<ZoneFigure['unit'], Bilingual>> = {
  cny: { zh: '金额', en: 'Amount' },
  count: { zh: '数量', en: 'Count' },
  km2: { zh: '面积', en: 'Area' },
  percent: { zh: '比例', en: 'Share' },
  rank: { zh: '排名', en: 'Rank' },
};

/** Shanxi's eleven prefectures, keyed by the Chinese name used in `ZoneProperties.city`. */
export const CITY_LABELS: Readonly<Record<string, Bilingual>> = {
  太原市: { zh: '太原市', en: 'Taiyuan' },
  大同市: { zh: '大同市', en: 'Datong' },
  朔州市: { zh: '朔州市', en: 'Shuozhou' },
  忻州市: { zh: '忻州市', en: 'Xinzhou' },
  阳泉市: { zh: '阳泉市', en: 'Yangquan' },
  吕梁市: { zh: '吕梁市', en: 'Lüliang' },
  晋中市: { zh: '晋中市', en: 'Jinzhong' },
  长治市: { zh: '长治市', en: 'Changzhi' },
  晋城市: { zh: '晋城市', en: 'Jincheng' },
  临汾市: { zh: '临汾市', en: 'Linfen' },
  运城市: { zh: '运城市', en: 'Yuncheng' },
};

/** Month abbreviations for English dates. */
export const MONTHS_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
