/**
 * The events `<shanxi-zones-map>` dispatches. Each bubbles and crosses shadow roots, and has a
 * typed `detail`.
 */
import type { ProjectFeature, ZoneFeature } from '../../data/schema.js';
import type { Filters } from '../../data/filter.js';

export interface ReadyDetail {
  zoneCount: number;
  projectCount: number;
}

export type SelectDetail =
  | { kind: 'zone'; id: string; feature: ZoneFeature }
  | { kind: 'project'; id: string; feature: ProjectFeature }
  | { kind: null; id: null; feature: null };

export type FilterChangeDetail = Filters & { visibleProjects: number; visibleZones: number };

export interface ErrorDetail {
  message: string;
  problems: readonly string[];
}

/** The map of event names to event types, for typed `addEventListener` on the element. */
export interface ShanxiZonesMapEventMap {
  ready: CustomEvent<ReadyDetail>;
  select: CustomEvent<SelectDetail>;
  'filter-change': CustomEvent<FilterChangeDetail>;
  'load-error': CustomEvent<ErrorDetail>;
}

export function createEvent<K extends keyof ShanxiZonesMapEventMap>(
  type: K,
  detail: ShanxiZonesMapEventMap[K]['detail'],
): ShanxiZonesMapEventMap[K] {
  return new CustomEvent(type, { detail, bubbles: true, composed: true }) as ShanxiZonesMapEventMap[K];
}
