/**
 * The legend's layer selection as a list, the way Filters.industries holds it: `[]` shows
 * every layer, `['none']` (NO_INDUSTRIES) shows none, anything else shows exactly the layers
 * listed. Pure functions.
 *
 * Why a sentinel: an empty list already means "no restriction", so "nothing" needs its own
 * value. `'none'` is no industry id, so filterProjects and filterZones, given `['none']`,
 * restrict to layers no project has and show nothing, with no special case.
 */
import { INDUSTRY_IDS, isIndustryId, type IndustryId } from '../../data/industries.js';
import { NO_INDUSTRIES, type Filters } from '../../data/filter.js';

export { NO_INDUSTRIES };

/** The list that shows no layer, typed as the event and Filters carry it. */
export function noIndustries(): Filters['industries'] {
  return [NO_INDUSTRIES];
}

/** Whether the list means "no layer shown". */
export function isNoIndustries(list: readonly string[]): boolean {
  return list.length > 0 && !list.some(isIndustryId);
}

/** The layers a list shows, as a set (unknown ids ignored). */
export function shownLayers(list: readonly string[]): Set<IndustryId> {
  if (list.length === 0) return new Set(INDUSTRY_IDS);
  return new Set(list.filter(isIndustryId));
}

/** A set of shown layers as a list, normalized: all → `[]`, none → `['none']`, else in legend order. */
export function selectionList(shown: ReadonlySet<IndustryId>): Filters['industries'] {
  const ids = INDUSTRY_IDS.filter((id) => shown.has(id));
  if (ids.length === INDUSTRY_IDS.length) return [];
  return ids.length === 0 ? noIndustries() : ids;
}

/** The list after toggling one layer. */
export function toggleLayer(list: readonly string[], id: IndustryId): Filters['industries'] {
  const shown = shownLayers(list);
  if (shown.has(id)) shown.delete(id);
  else shown.add(id);
  return selectionList(shown);
}
