/**
 * The zones and projects on the map: their sources, layers and the expressions that colour
 * them by industry layer. No Lit here; the element calls these.
 */
import type {
  ExpressionSpecification,
  GeoJSONSource,
  LayerSpecification,
  Map as MapLibreMap,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { INDUSTRIES } from '../data/industries.js';
import type { Lang } from '../i18n/strings.js';
import { FONT_STACK, PALETTE } from './basemap-style.js';

export const ZONES_SOURCE = 'zones';
export const PROJECTS_SOURCE = 'projects';

/** Layers a click or hover can hit, by what they show. */
export const ZONE_HIT_LAYERS = ['zone-points', 'zone-areas'] as const;
export const PROJECT_HIT_LAYERS = ['project-points'] as const;
export const CLUSTER_LAYER = 'project-clusters';

/** Projects cluster up to this zoom; above it every project is its own point. */
export const CLUSTER_MAX_ZOOM = 9;

const FALLBACK_COLOR = '#777777';

/** The industry layer's colour of a feature's `industry` (projects) property. */
export function industryColorExpression(property = 'industry'): ExpressionSpecification {
  const pairs = INDUSTRIES.flatMap((i) => [i.id, i.color]);
  return ['match', ['get', property], ...pairs, FALLBACK_COLOR] as unknown as ExpressionSpecification;
}

/** Zones' label text: the short name in the language, else the full name. */
function zoneLabelExpression(lang: Lang): ExpressionSpecification {
  const [a, b] = lang === 'en' ? ['en', 'zh'] : ['zh', 'en'];
  return [
    'coalesce',
    ['get', `short_${a}`],
    ['get', `name_${a}`],
    ['get', `short_${b}`],
    ['get', `name_${b}`],
  ];
}

/**
 * A cluster's label: its count and, below, its summed disclosed investment, short enough to
 * fit the circle (`70亿` / `¥7.0bn`; popups and the panel spell out 亿元 and CNY bn).
 */
function clusterLabelExpression(lang: Lang): ExpressionSpecification {
  const investment: ExpressionSpecification = ['get', 'investment'];
  const amount: ExpressionSpecification =
    lang === 'en'
      ? ['concat', '¥', ['number-format', ['/', investment, 1e9], { 'min-fraction-digits': 1, 'max-fraction-digits': 1 }], 'bn']
      : ['concat', ['to-string', ['round', ['/', investment, 1e8]]], '亿'];
  return [
    'case',
    ['>', investment, 0],
    ['format', ['to-string', ['get', 'point_count']], { 'font-scale': 1.15 }, '\n', {}, amount, { 'font-scale': 0.8 }],
    ['to-string', ['get', 'point_count']],
  ];
}

const isCluster: ExpressionSpecification = ['has', 'point_count'];
const notCluster: ExpressionSpecification = ['!', ['has', 'point_count']];
const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
const isArea: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
const selected = (id: string): ExpressionSpecification => ['==', ['get', 'id'], id];

function dataLayers(lang: Lang): LayerSpecification[] {
  return [
    {
      id: 'zone-areas',
      type: 'fill',
      source: ZONES_SOURCE,
      filter: isArea,
      paint: {
        'fill-color': '#c8a04a',
        'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.22, 0.12],
      },
    },
    {
      id: 'zone-area-lines',
      type: 'line',
      source: ZONES_SOURCE,
      filter: isArea,
      paint: { 'line-color': '#a57d25', 'line-width': 1.4, 'line-dasharray': [4, 2] },
    },
    {
      id: 'zone-points',
      type: 'circle',
      source: ZONES_SOURCE,
      filter: isPoint,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 6, 10, 11],
        'circle-color': '#ffffff',
        'circle-opacity': 0.92,
        'circle-stroke-color': ['case', ['boolean', ['feature-state', 'hover'], false], '#000000', '#3d3a33'],
        'circle-stroke-width': ['match', ['get', 'level'], 'national', 3, 2],
      },
    },
    {
      id: CLUSTER_LAYER,
      type: 'circle',
      source: PROJECTS_SOURCE,
      filter: isCluster,
      paint: {
        'circle-color': '#3d3a33',
        'circle-opacity': 0.85,
        'circle-radius': ['interpolate', ['linear'], ['get', 'point_count'], 2, 18, 20, 22, 200, 30, 5000, 40],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'cluster-labels',
      type: 'symbol',
      source: PROJECTS_SOURCE,
      filter: isCluster,
      layout: {
        'text-field': clusterLabelExpression(lang),
        'text-font': FONT_STACK,
        'text-size': 11,
        'text-line-height': 1.1,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: 'project-points',
      type: 'circle',
      source: PROJECTS_SOURCE,
      filter: notCluster,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 4, 10, 8],
        'circle-color': industryColorExpression(),
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2.5, 1.2],
      },
    },
    {
      id: 'selection',
      type: 'circle',
      source: PROJECTS_SOURCE,
      filter: ['all', notCluster, selected('')],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 8, 10, 13],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': '#111111',
        'circle-stroke-width': 2.5,
      },
    },
    {
      id: 'zone-labels',
      type: 'symbol',
      source: ZONES_SOURCE,
      minzoom: 6.4,
      layout: {
        'text-field': zoneLabelExpression(lang),
        'text-font': FONT_STACK,
        'text-size': ['interpolate', ['linear'], ['zoom'], 6, 11, 10, 14],
        'text-anchor': 'top',
        'text-offset': [0, 0.9],
        'text-padding': 3,
        'text-optional': true,
      },
      paint: { 'text-color': PALETTE.label, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.5 },
    },
  ];
}

/** Adds the zone and project sources and layers on top of the basemap. */
export function addDataLayers(
  map: MapLibreMap,
  zones: FeatureCollection,
  projects: FeatureCollection,
  lang: Lang,
): void {
  map.addSource(ZONES_SOURCE, { type: 'geojson', data: zones, promoteId: 'id' });
  map.addSource(PROJECTS_SOURCE, {
    type: 'geojson',
    data: projects,
    promoteId: 'id',
    cluster: true,
    clusterMaxZoom: CLUSTER_MAX_ZOOM,
    clusterRadius: 36,
    clusterMinPoints: 3,
    clusterProperties: {
      investment: ['+', ['coalesce', ['get', 'investment_cny'], 0]],
      undisclosed: ['+', ['case', ['==', ['typeof', ['get', 'investment_cny']], 'number'], 0, 1]],
    },
  });
  for (const layer of dataLayers(lang)) map.addLayer(layer);
}

/** Replaces the features a source draws (filtering happens on the main thread). */
export function setSourceData(map: MapLibreMap, sourceId: string, data: FeatureCollection): void {
  (map.getSource(sourceId) as GeoJSONSource | undefined)?.setData(data);
}

/** Rings the selected project (or nothing for ''). */
export function setSelectionRing(map: MapLibreMap, projectId: string): void {
  if (map.getLayer('selection')) map.setFilter('selection', ['all', notCluster, selected(projectId)]);
}

export function setDataLabelLanguage(map: MapLibreMap, lang: Lang): void {
  if (map.getLayer('zone-labels')) map.setLayoutProperty('zone-labels', 'text-field', zoneLabelExpression(lang));
  if (map.getLayer('cluster-labels')) map.setLayoutProperty('cluster-labels', 'text-field', clusterLabelExpression(lang));
}
