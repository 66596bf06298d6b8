/**
 * The library entry: importing it defines `<shanxi-zones-map>`.
 */
export { ShanxiZonesMap, DEFAULT_ZONES_URL, DEFAULT_PROJECTS_URL } from './components/shanxi-zones-map/shanxi-zones-map.js';
export type {
  ReadyDetail,
  SelectDetail,
  FilterChangeDetail,
  ErrorDetail,
  ShanxiZonesMapEventMap,
} from './components/shanxi-zones-map/events.js';
export type * from './data/schema.js';
export { INDUSTRIES, type IndustryId } from './data/industries.js';
