/**
 * The library entry: importing it defines `<shanxi-zones-map>` (and the parts of its panel).
 */
export { ShanxiZonesMap, DEFAULT_ZONES_URL, DEFAULT_PROJECTS_URL } from './components/shanxi-zones-map/shanxi-zones-map.js';
export type { Theme } from './components/shanxi-zones-map/shanxi-zones-map.js';
export { SzmEmbed } from './components/szm-embed/szm-embed.js';
export type {
  ReadyDetail,
  SelectDetail,
  FilterChangeDetail,
  ErrorDetail,
  ShanxiZonesMapEventMap,
} from './components/shanxi-zones-map/events.js';
export type * from './data/schema.js';
export { INDUSTRIES, type IndustryId } from './data/industries.js';
