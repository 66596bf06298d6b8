/**
 * Events between the element's internal parts (legend, filters, search, list…). Each part
 * dispatches with `emit`, so every event bubbles and crosses shadow roots the same way.
 */
import type { Filters } from '../../data/filter.js';

export type PickKind = 'zone' | 'project';

export interface PartEventMap {
  /** The user chose a zone or project (search result, list row): fly there and open it. */
  'szm-pick': { kind: PickKind; id: string };
  /** The pointer or focus is on a list row (null when it leaves). */
  'szm-hover': { kind: PickKind; id: string } | { kind: null; id: null };
  /** The legend's active industry layers (empty = all). */
  'szm-industries-change': { industries: Filters['industries'] };
  /** Some filters changed; the detail holds only the changed keys. */
  'szm-filters-change': { filters: Partial<Filters> };
}

export function emit<K extends keyof PartEventMap>(target: EventTarget, type: K, detail: PartEventMap[K]): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'szm-pick': CustomEvent<PartEventMap['szm-pick']>;
    'szm-hover': CustomEvent<PartEventMap['szm-hover']>;
    'szm-industries-change': CustomEvent<PartEventMap['szm-industries-change']>;
    'szm-filters-change': CustomEvent<PartEventMap['szm-filters-change']>;
  }
}
