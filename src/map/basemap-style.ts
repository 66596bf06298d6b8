/**
 * The offline basemap: a MapLibre style built in code from the repo's geo/ layers. No tile
 * server, no sprite and no `glyphs` URL, so MapLibre draws labels with local fonts.
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { Lang } from '../i18n/strings.js';

/** Where each geo/ layer is fetched from. */
export interface GeoUrls {
  province: string;
  cities: string;
  counties: string;
  rivers: string;
  neighbours: string;
  neighbourLabels: string;
  places: string;
}

/** Default URLs of the shipped geo/ layers (resolved by Vite to hashed assets). */
export const DEFAULT_GEO_URLS: GeoUrls = {
  province: new URL('../../geo/province.geojson', import.meta.url).href,
  cities: new URL('../../geo/cities.geojson', import.meta.url).href,
  counties: new URL('../../geo/counties.geojson', import.meta.url).href,
  rivers: new URL('../../geo/rivers.geojson', import.meta.url).href,
  neighbours: new URL('../../geo/neighbours.geojson', import.meta.url).href,
  neighbourLabels: new URL('../../geo/neighbour-labels.geojson', import.meta.url).href,
  places: new URL('../../geo/places.geojson', import.meta.url).href,
};

/** Local font stack: MapLibre resolves each name as a CSS font family. */
export const FONT_STACK = ['Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'sans-serif'];

/** Shanxi's bounding box with a margin: [west, south, east, north]. */
export const SHANXI_BOUNDS: [number, number, number, number] = [110.1, 34.5, 114.6, 40.8];

/** The basemap's colours. */
export interface Palette {
  background: string;
  neighbour: string;
  neighbourLine: string;
  land: string;
  province: string;
  city: string;
  county: string;
  river: string;
  label: string;
  labelMuted: string;
  halo: string;
}

export const PALETTE: Palette = {
  background: '#eceae6',
  neighbour: '#eceae6',
  neighbourLine: '#c9c5bd',
  land: '#f8f6f1',
  province: '#4f4638',
  city: '#a89f90',
  county: '#d4cdc0',
  river: '#8db4d6',
  label: '#3b352c',
  labelMuted: '#8a8376',
  halo: '#ffffff',
};

/** The basemap in the element's dark theme. */
export const DARK_PALETTE: Palette = {
  background: '#1d1f22',
  neighbour: '#1d1f22',
  neighbourLine: '#3a3d42',
  land: '#2a2c30',
  province: '#c9bfa9',
  city: '#6d675d',
  county: '#3b3d41',
  river: '#3f6a8f',
  label: '#e6e1d7',
  labelMuted: '#9a948a',
  halo: '#1d1f22',
};

/** The `name_zh` or `name_en` property, falling back to the other. */
export function nameExpression(lang: Lang): ExpressionSpecification {
  const [first, second] = lang === 'en' ? ['name_en', 'name_zh'] : ['name_zh', 'name_en'];
  return ['coalesce', ['get', first], ['get', second]];
}

/** The basemap's top layer, the city names: the data layers go under it. */
export const CITY_LABEL_LAYER = 'city-labels';

/** Ids of the basemap's label layers, whose text follows the element's language. */
export const BASEMAP_LABEL_LAYERS = ['neighbour-labels', 'county-labels', 'city-labels'] as const;

export function basemapStyle(lang: Lang, urls: GeoUrls = DEFAULT_GEO_URLS, palette: Palette = PALETTE): StyleSpecification {
  const name = nameExpression(lang);
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': palette.background } },
    { id: 'neighbours', type: 'fill', source: 'neighbours', paint: { 'fill-color': palette.neighbour } },
    {
      id: 'neighbour-lines',
      type: 'line',
      source: 'neighbours',
      paint: { 'line-color': palette.neighbourLine, 'line-width': 0.8 },
    },
    { id: 'land', type: 'fill', source: 'province', paint: { 'fill-color': palette.land } },
    {
      id: 'county-lines',
      type: 'line',
      source: 'counties',
      minzoom: 7,
      paint: {
        'line-color': palette.county,
        'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.4, 10, 1],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 7, 0, 7.6, 1],
      },
    },
    {
      id: 'rivers',
      type: 'line',
      source: 'rivers',
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      filter: ['<=', ['get', 'rank'], 2],
      paint: {
        'line-color': palette.river,
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, ['match', ['get', 'rank'], 1, 1.6, 0.8], 10, ['match', ['get', 'rank'], 1, 4, 2]],
      },
    },
    {
      id: 'minor-rivers',
      type: 'line',
      source: 'rivers',
      minzoom: 7.5,
      filter: ['>', ['get', 'rank'], 2],
      paint: { 'line-color': palette.river, 'line-width': 0.6, 'line-opacity': 0.8 },
    },
    {
      id: 'city-lines',
      type: 'line',
      source: 'cities',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': palette.city,
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.7, 10, 1.6],
        'line-dasharray': [3, 2],
      },
    },
    {
      id: 'province-line',
      type: 'line',
      source: 'province',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': palette.province, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.8, 10, 3.2] },
    },
    {
      id: 'city-dots',
      type: 'circle',
      source: 'places',
      filter: ['==', ['get', 'kind'], 'city-seat'],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 2.5, 10, 4.5],
        'circle-color': palette.halo,
        'circle-stroke-color': palette.province,
        'circle-stroke-width': 1.4,
      },
    },
    {
      id: 'neighbour-labels',
      type: 'symbol',
      source: 'neighbourLabels',
      layout: {
        'text-field': name,
        'text-font': FONT_STACK,
        'text-size': 13,
        'text-letter-spacing': 0.2,
      },
      paint: { 'text-color': palette.labelMuted, 'text-halo-color': palette.neighbour, 'text-halo-width': 1.2 },
    },
    {
      id: 'county-labels',
      type: 'symbol',
      source: 'places',
      minzoom: 8,
      filter: ['==', ['get', 'kind'], 'county-seat'],
      layout: { 'text-field': name, 'text-font': FONT_STACK, 'text-size': 11, 'text-padding': 4 },
      paint: { 'text-color': palette.labelMuted, 'text-halo-color': palette.halo, 'text-halo-width': 1.2 },
    },
    {
      id: CITY_LABEL_LAYER,
      type: 'symbol',
      source: 'places',
      filter: ['==', ['get', 'kind'], 'city-seat'],
      layout: {
        'text-field': name,
        'text-font': FONT_STACK,
        'text-size': ['interpolate', ['linear'], ['zoom'], 5, 12, 10, 16],
        'text-variable-anchor': ['bottom', 'left', 'right', 'top'],
        'text-radial-offset': 0.6,
        'text-padding': 2,
      },
      paint: { 'text-color': palette.label, 'text-halo-color': palette.halo, 'text-halo-width': 1.6 },
    },
  ];
  const geojson = (data: string) => ({ type: 'geojson' as const, data });
  return {
    version: 8,
    name: 'Shanxi offline basemap',
    sources: {
      neighbours: geojson(urls.neighbours),
      neighbourLabels: geojson(urls.neighbourLabels),
      province: geojson(urls.province),
      cities: geojson(urls.cities),
      counties: geojson(urls.counties),
      rivers: geojson(urls.rivers),
      places: geojson(urls.places),
    },
    layers,
  };
}
