/**
 * The industry layers: every zone and project names its industries by these ids. The order
 * here is the legend's order. Colours are distinguishable on the muted basemap and keep a
 * contrast of at least 3:1 against white text in the legend swatches.
 */
export const INDUSTRIES = [
  { id: 'new-energy', zh: '新能源与储能', en: 'New energy & storage', color: '#2e9e44' },
  { id: 'semiconductors', zh: '半导体与光电', en: 'Semiconductors & optoelectronics', color: '#7b3fb8' },
  { id: 'information-technology', zh: '信息技术与信创', en: 'Information technology', color: '#1f6fd1' },
  { id: 'computing', zh: '算力与数据中心', en: 'Computing & data centres', color: '#0c8a9e' },
  { id: 'equipment', zh: '高端装备制造', en: 'Equipment manufacturing', color: '#c2571a' },
  { id: 'new-materials', zh: '新材料', en: 'New materials', color: '#a8841a' },
  { id: 'chemicals', zh: '现代煤化工与化工', en: 'Coal chemicals & chemicals', color: '#6b5a4a' },
  { id: 'biomedicine', zh: '生物医药与大健康', en: 'Biomedicine & health', color: '#d0367a' },
  { id: 'services-logistics', zh: '现代服务与物流', en: 'Modern services & logistics', color: '#4a6fa0' },
  { id: 'consumer-agrifood', zh: '消费品与农产品加工', en: 'Consumer goods & agri-food', color: '#7a9a1e' },
] as const;

export type IndustryId = (typeof INDUSTRIES)[number]['id'];
export type Industry = (typeof INDUSTRIES)[number];

export const INDUSTRY_IDS: readonly IndustryId[] = INDUSTRIES.map((i) => i.id);

const byId = new Map<string, Industry>(INDUSTRIES.map((i) => [i.id, i]));

/** The layer with this id, or undefined for an unknown id. */
export function industry(id: string): Industry | undefined {
  return byId.get(id);
}

export function isIndustryId(id: string): id is IndustryId {
  return byId.has(id);
}
