/**
 * The explorer's permalink: the element's view, filters and selection as URL parameters and
 * back. A link reproduces what its author saw.
 */
import { filtersFromParams, filtersToParams, type Filters } from '../data/filter.js';
import type { Theme } from '../components/shanxi-zones-map/shanxi-zones-map.js';

/** URL parameter → element attribute, for the parameters that name filters. */
const FILTER_ATTRIBUTES: Record<string, string> = {
  industries: 'industries',
  statuses: 'statuses',
  cities: 'cities',
  levels: 'levels',
  zones: 'zone-ids',
  min: 'investment-min',
  max: 'investment-max',
  q: 'q',
};

/** Parameters copied to attributes of the same name. */
const PLAIN = ['lang', 'theme', 'selected', 'center', 'zoom'] as const;

/** The themes a link carries: the others are the default (light). */
const THEMES: readonly string[] = ['dark', 'auto'] satisfies Theme[];

export interface PermalinkState {
  filters: Filters;
  lang: string;
  /** The element's `theme` (a link carries dark and auto; light is the default). */
  theme?: string;
  selected: string;
  center?: [number, number];
  zoom?: number;
}

/** The element attributes a URL's parameters ask for (unknown filter values dropped). */
export function attributesFromParams(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of filtersToParams(filtersFromParams(params))) out[FILTER_ATTRIBUTES[key]!] = value;
  for (const key of PLAIN) {
    const value = params.get(key);
    if (value !== null && value.trim() !== '') out[key] = value.trim();
  }
  if (out.lang && out.lang !== 'en') delete out.lang;
  if (out.theme && !THEMES.includes(out.theme)) delete out.theme;
  return out;
}

/** The URL parameters of a state: filters first, then language, theme, selection and view. */
export function paramsFromState(state: PermalinkState): URLSearchParams {
  const params = filtersToParams(state.filters);
  if (state.lang === 'en') params.set('lang', 'en');
  if (state.theme && THEMES.includes(state.theme)) params.set('theme', state.theme);
  if (state.selected) params.set('selected', state.selected);
  if (state.center) params.set('center', state.center.map((v) => v.toFixed(4)).join(','));
  if (state.zoom !== undefined) params.set('zoom', state.zoom.toFixed(2));
  return params;
}
