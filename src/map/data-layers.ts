/**
 * The zones and projects on the map: their sources and layers. No Lit here; the view calls
 * these.
 *
 * Projects are drawn in their industry's colour. Clusters group one industry each; where several
 * industries cluster at one place their circles are fanned out around it so none hides another.
 * The filters other than the industry layers (status, city, …) replace the sources' data. How the
 * projects are drawn depends on how many there are (`projectLayout`):
 * - **per industry** (large datasets): a clustered GeoJSON source per industry
 *   (`projects-<industry>`), clustered by MapLibre in its worker, and its own cluster,
 *   cluster-label and point layers, so turning an industry off or on is a paint change (opacity
 *   0 ↔ 1): nothing is sent to the worker again, re-clustered or laid out. Fanned clusters are
 *   offset by each layer's `circle-translate`.
 * - **one source** (up to `ONE_SOURCE_MAX` projects): one plain source (`projects`) holding the
 *   shown industries' points and clusters for every zoom, worked out on the main thread
 *   (`project-clusters.ts`, MapLibre's algorithm), and three layers (clusters, their labels,
 *   points) that pick a zoom's features by filter and colour them by industry. Fanned clusters sit
 *   at their offset in the data. An industry toggle sends the source its new features, a few ms
 *   of the worker's time at this size. MapLibre's single worker serves three sources instead of
 *   twelve, and each frame has 3 layers of projects to draw instead of 30: most of what a small
 *   dataset cost at start-up beyond a bare map.
 */
import type {
  ExpressionSpecification,
  GeoJSONSource,
  LayerSpecification,
  Map as MapLibreMap,
  SourceSpecification,
} from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { INDUSTRIES, type IndustryId } from '../data/industries.js';
import type { Lang } from '../i18n/strings.js';
import { CITY_LABEL_LAYER, FONT_STACK, PALETTE, type Palette } from './basemap-style.js';
import { clusterByZoom } from './project-clusters.js';

export const ZONES_SOURCE = 'zones';
/** The selected project's point, ringed above everything (also when it is in a cluster). */
export const SELECTION_SOURCE = 'selection';

/** Layers a click or hover can hit on the zones' source. */
export const ZONE_HIT_LAYERS = ['zone-points', 'zone-areas'] as const;

/** Projects cluster up to this zoom; above it every project is its own point. */
export const CLUSTER_MAX_ZOOM = 9;
/** Projects within this many px of each other cluster… */
export const CLUSTER_RADIUS = 36;
/** …when there are at least this many of them. */
export const CLUSTER_MIN_POINTS = 3;

/** Projects grouped by industry layer, every layer present (empty when it has none). */
export type ProjectsByIndustry = ReadonlyMap<IndustryId, FeatureCollection>;

/** How the projects' sources are laid out: see the module's comment. */
export type ProjectLayout = 'one-source' | 'per-industry';

/** Datasets of up to this many projects use one source, clustered on the main thread. */
export const ONE_SOURCE_MAX = 2000;

/** The projects' layout for a dataset of this many projects. */
export function projectLayout(projectCount: number): ProjectLayout {
  return projectCount <= ONE_SOURCE_MAX ? 'one-source' : 'per-industry';
}

/** The one source of the 'one-source' layout. */
export const PROJECTS_SOURCE = 'projects';

/** The source that draws one industry's projects. */
export function projectSource(industry: IndustryId, layout: ProjectLayout = 'per-industry'): string {
  return layout === 'one-source' ? PROJECTS_SOURCE : `projects-${industry}`;
}

/** Whether a source draws projects (in either layout). */
export function isProjectSource(sourceId: string): boolean {
  return sourceId === PROJECTS_SOURCE || industryOfSource(sourceId) !== null;
}

/** The one-source layout's three layers of projects (every industry's). */
export const ONE_SOURCE_LAYERS = { clusters: 'project-clusters', labels: 'cluster-labels', points: 'project-points' } as const;

/** The per-industry layout's layers that draw one industry's projects. */
export function clusterLayer(industry: IndustryId): string {
  return `project-clusters-${industry}`;
}
export function clusterLabelLayer(industry: IndustryId): string {
  return `cluster-labels-${industry}`;
}
export function pointLayer(industry: IndustryId): string {
  return `project-points-${industry}`;
}

/** The industry whose source this is, or null for another source. */
export function industryOfSource(sourceId: string): IndustryId | null {
  const id = sourceId.startsWith('projects-') ? sourceId.slice('projects-'.length) : '';
  return INDUSTRIES.some((i) => i.id === id) ? (id as IndustryId) : null;
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
const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];

/*
 * One shader program per paint configuration. MapLibre compiles a program for each distinct
 * combination of layer type and which paint properties are constants (uniforms) or vary by
 * feature (attributes), and compiling one costs ~60–80 ms of main thread at start-up with
 * software WebGL. So every circle layer here has the same shape: radius by zoom and feature
 * (`circleRadius`), colour by feature (`industryColor`), stroke colour and width by feature (the
 * hover ring), opacities constant. The zones' areas use the basemap's fill and dashed-line
 * configurations (constant colour and opacity), and show hover with a solid outline whose width
 * varies by zoom and feature, as the basemap's rivers' does.
 */

/** A circle radius by zoom (5 → 10) that is `hover` px larger under the pointer. */
function circleRadius(at5: ExpressionSpecification | number, at10: ExpressionSpecification | number, hover: number): ExpressionSpecification {
  const grow = (r: ExpressionSpecification | number): ExpressionSpecification => ['+', r, ['case', hovered, hover, 0]];
  return ['interpolate', ['linear'], ['zoom'], 5, grow(at5), 10, grow(at10)];
}

/** The ring drawn around a circle under the pointer: dark and 1 px wider. */
function hoverStroke(color: string, width: ExpressionSpecification | number): { 'circle-stroke-color': ExpressionSpecification; 'circle-stroke-width': ExpressionSpecification } {
  return {
    'circle-stroke-color': ['case', hovered, '#000000', color],
    'circle-stroke-width': ['+', width, ['case', hovered, 1, 0]],
  };
}
/** Opacity changes are a toggle, not an animation (a hosted style may set a default transition). */
const NO_TRANSITION = { duration: 0, delay: 0 };

/** Where an industry's clusters sit around their centre, in pixels, so co-located ones don't overlap. */
export function clusterOffset(industry: IndustryId, fanned: boolean): [number, number] {
  if (!fanned) return [0, 0];
  const i = INDUSTRIES.findIndex((x) => x.id === industry);
  const angle = (2 * Math.PI * i) / INDUSTRIES.length - Math.PI / 2;
  const r = 24;
  return [Math.round(r * Math.cos(angle)), Math.round(r * Math.sin(angle))];
}

/** Zones' names show from this zoom (the whole province, at ~6.1, would be crowded with them). */
export const ZONE_LABELS_MIN_ZOOM = 6.4;
const ZONE_LABELS = 'zone-labels';

/**
 * Zones' names. Under the projects: symbols are placed top layer first, so these make way for
 * the cluster labels, moving to another side of their point or hiding until there is room.
 */
function zoneLabelLayer(lang: Lang, palette: Palette): LayerSpecification {
  return {
    id: ZONE_LABELS,
    type: 'symbol',
    source: ZONES_SOURCE,
    minzoom: ZONE_LABELS_MIN_ZOOM,
    layout: {
      'text-field': zoneLabelExpression(lang),
      'text-font': FONT_STACK,
      'text-size': ['interpolate', ['linear'], ['zoom'], 6, 11, 10, 14],
      'text-variable-anchor': ['top', 'bottom', 'right', 'left'],
      'text-radial-offset': 0.9,
      'text-padding': 3,
      'text-optional': true,
    },
    paint: { 'text-color': palette.label, 'text-halo-color': palette.halo, 'text-halo-width': 1.5 },
  };
}

const ZONE_AREA_HOVER = 'zone-area-hover';

/**
 * Shows the hovered zone's outline layer while a zone is hovered, and hides it otherwise: MapLibre
 * skips a line layer at opacity 0, so the frames without a hovered zone issue none of its draw
 * calls (software WebGL pays for each).
 */
export function showZoneHover(map: MapLibreMap, shown: boolean): void {
  if (map.getLayer(ZONE_AREA_HOVER)) map.setPaintProperty(ZONE_AREA_HOVER, 'line-opacity', shown ? 1 : 0);
}

function zoneLayers(palette: Palette): { below: LayerSpecification[]; above: LayerSpecification[] } {
  return {
    below: [
      {
        id: 'zone-areas',
        type: 'fill',
        source: ZONES_SOURCE,
        filter: isArea,
        paint: { 'fill-color': '#c8a04a', 'fill-opacity': 0.12 },
      },
      {
        id: 'zone-area-lines',
        type: 'line',
        source: ZONES_SOURCE,
        filter: isArea,
        paint: { 'line-color': '#a57d25', 'line-width': 1.4, 'line-dasharray': [4, 2] },
      },
      {
        // The hovered area's outline: solid and dark over the dashes (0 px wide elsewhere), and
        // at opacity 0 while no zone is hovered (see `showZoneHover`).
        id: ZONE_AREA_HOVER,
        type: 'line',
        source: ZONES_SOURCE,
        filter: isArea,
        paint: {
          'line-opacity': 0,
          'line-opacity-transition': NO_TRANSITION,
          'line-color': '#5c430f',
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, ['case', hovered, 2, 0], 10, ['case', hovered, 3, 0]],
        },
      },
      {
        id: 'zone-points',
        type: 'circle',
        source: ZONES_SOURCE,
        filter: isPoint,
        paint: {
          'circle-radius': circleRadius(6, 11, 1),
          'circle-color': industryColor('#ffffff'), // white: zones have no industry
          'circle-opacity': 0.92,
          ...hoverStroke('#3d3a33', ['match', ['get', 'level'], 'national', 3, 2]),
        },
      },
    ],
    above: [
      {
        id: 'selection',
        type: 'circle',
        source: SELECTION_SOURCE,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 8, 10, 13],
          'circle-color': 'rgba(0,0,0,0)',
          'circle-stroke-color': palette.label,
          'circle-stroke-width': 2.5,
        },
      },
    ],
  };
}

/** A cluster's radius by its count of projects. */
const clusterSize: ExpressionSpecification = ['interpolate', ['linear'], ['get', 'point_count'], 2, 13, 20, 17, 200, 24, 5000, 32];

/** The features drawn at the tile's zoom, in the one-source layout (filters see integer tile zooms, the ones clustered sources cluster at). */
function atTileZoom(kind: ExpressionSpecification): ExpressionSpecification {
  return ['all', ['<=', ['get', 'zmin'], ['zoom']], ['>=', ['get', 'zmax'], ['zoom']], kind];
}

/**
 * A feature's industry colour, or `fallback` for a feature with no industry (a zone). Every
 * circle layer takes its colour by feature this way, the zones' and both layouts' projects', so
 * they share one shader program (see above); the one-source layout's layers draw every industry.
 */
function industryColor(fallback: string): ExpressionSpecification {
  return ['match', ['get', 'industry'], ...INDUSTRIES.flatMap((i) => [i.id, i.color]), fallback] as unknown as ExpressionSpecification;
}

interface ProjectLayerOptions {
  id: string;
  source: string;
  filter: ExpressionSpecification;
  color: ExpressionSpecification;
  /** 1, or 0 for a hidden industry (per-industry layout). */
  opacity: number;
  /** Fanned clusters' offset, px (per-industry layout; the one source's data place them). */
  offset?: [number, number];
}

/** A project circle's colour and opacities (its fill `fill` times as opaque as its ring), switched without a transition. */
function circleColor(color: ExpressionSpecification, opacity: number, fill = 1) {
  return {
    'circle-color': color,
    'circle-opacity': opacity * fill,
    'circle-opacity-transition': NO_TRANSITION,
    'circle-stroke-opacity': opacity,
    'circle-stroke-opacity-transition': NO_TRANSITION,
  };
}

function clustersLayer({ id, source, filter, color, opacity, offset }: ProjectLayerOptions): LayerSpecification {
  return {
    id,
    type: 'circle',
    source,
    filter,
    paint: {
      ...circleColor(color, opacity, 0.9),
      // By count; 2 px larger at zoom 10 than at 5 (clusters end at zoom 9).
      'circle-radius': circleRadius(clusterSize, ['+', clusterSize, 2], 0),
      ...hoverStroke('#ffffff', 1.5),
      ...(offset ? { 'circle-translate': offset } : {}),
    },
  };
}

function clusterLabelsLayer({ id, source, filter, opacity, offset }: Omit<ProjectLayerOptions, 'color'>, lang: Lang): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    filter,
    layout: {
      'text-field': clusterLabelExpression(lang),
      'text-font': FONT_STACK,
      'text-size': 10,
      'text-line-height': 1.1,
      // Drawn whatever else is there, and zone labels make way for it.
      'text-allow-overlap': true,
      'text-ignore-placement': false,
    },
    paint: {
      'text-color': '#ffffff',
      'text-opacity': opacity,
      'text-opacity-transition': NO_TRANSITION,
      ...(offset ? { 'text-translate': offset } : {}),
    },
  };
}

function pointsLayer({ id, source, filter, color, opacity }: Omit<ProjectLayerOptions, 'offset'>): LayerSpecification {
  return {
    id,
    type: 'circle',
    source,
    filter,
    paint: {
      'circle-radius': circleRadius(4, 8, 1),
      ...circleColor(color, opacity),
      ...hoverStroke('#ffffff', 1.2),
    },
  };
}

/** One industry's cluster, cluster-label and point layers, on its own clustered source (per-industry layout). */
function industryLayers(industry: (typeof INDUSTRIES)[number], options: { lang: Lang; visible: boolean; fanned: boolean }): LayerSpecification[] {
  const source = projectSource(industry.id);
  const common = { source, color: industryColor(industry.color), opacity: options.visible ? 1 : 0, offset: clusterOffset(industry.id, options.fanned) };
  return [
    clustersLayer({ ...common, id: clusterLayer(industry.id), filter: isCluster }),
    clusterLabelsLayer({ ...common, id: clusterLabelLayer(industry.id), filter: isCluster }, options.lang),
    pointsLayer({ ...common, id: pointLayer(industry.id), filter: notCluster }),
  ];
}

/** The one-source layout's three layers: every shown industry's clusters, their labels and points. */
function oneSourceLayers(lang: Lang): LayerSpecification[] {
  const common = { source: PROJECTS_SOURCE, color: industryColor('#777777'), opacity: 1 };
  return [
    clustersLayer({ ...common, id: ONE_SOURCE_LAYERS.clusters, filter: atTileZoom(isCluster) }),
    clusterLabelsLayer({ ...common, id: ONE_SOURCE_LAYERS.labels, filter: atTileZoom(isCluster) }, lang),
    pointsLayer({ ...common, id: ONE_SOURCE_LAYERS.points, filter: atTileZoom(notCluster) }),
  ];
}

/** The layers drawing the shown industries' clusters (`kind` clusters) or points, in a layout. */
export function projectLayers(layout: ProjectLayout, kind: 'clusters' | 'points', visible: Iterable<IndustryId>): string[] {
  if (layout === 'one-source') return [ONE_SOURCE_LAYERS[kind]];
  return [...visible].map(kind === 'clusters' ? clusterLayer : pointLayer);
}

/**
 * Adds the zone and project sources and layers on top of the basemap: zone areas, points and
 * labels (unless `zoneLabels` is false: see `addZoneLabels`), then each industry's clusters and
 * points, then the selection ring. The projects' sources follow `layout`, which the caller picks
 * by the size of the whole dataset (`projectLayout`), not of the filtered projects given.
 */
export function addDataLayers(
  map: MapLibreMap,
  zones: FeatureCollection,
  projects: ProjectsByIndustry,
  options: { lang: Lang; visible: ReadonlySet<IndustryId>; palette?: Palette; zoneLabels?: boolean; layout: ProjectLayout },
): void {
  const { lang, visible, palette = PALETTE, zoneLabels = true, layout } = options;
  map.addSource(ZONES_SOURCE, { type: 'geojson', data: zonesForMap(zones), promoteId: 'id' });
  map.addSource(SELECTION_SOURCE, { type: 'geojson', data: EMPTY });
  const fanned = visible.size > 1;
  const { below, above } = zoneLayers(palette);
  // Under the offline basemap's city names, which stay readable (and placed) above everything.
  const beforeId = map.getLayer(CITY_LABEL_LAYER) ? CITY_LABEL_LAYER : undefined;
  const add = (layer: LayerSpecification) => map.addLayer(layer, beforeId);
  for (const layer of below) add(layer);
  if (zoneLabels) add(zoneLabelLayer(lang, palette));
  if (layout === 'one-source') {
    map.addSource(PROJECTS_SOURCE, { type: 'geojson', data: clusteredProjects(projects, visible), promoteId: 'id' });
    for (const layer of oneSourceLayers(lang)) add(layer);
  } else {
    for (const industry of INDUSTRIES) {
      // A source given these projects already (`preloadProjects`) is kept.
      const source = projectSource(industry.id);
      if (!map.getSource(source)) map.addSource(source, industrySource(projects.get(industry.id) ?? EMPTY));
      for (const layer of industryLayers(industry, { lang, visible: visible.has(industry.id), fanned })) add(layer);
    }
  }
  for (const layer of above) add(layer);
}

/** An industry's clustered source (per-industry layout), with these projects. */
function industrySource(projects: FeatureCollection): SourceSpecification {
  return {
    type: 'geojson',
    data: forMap(projects, false),
    promoteId: 'id',
    cluster: true,
    clusterMaxZoom: CLUSTER_MAX_ZOOM,
    clusterRadius: CLUSTER_RADIUS,
    clusterMinPoints: CLUSTER_MIN_POINTS,
    clusterProperties: { investment: ['+', ['coalesce', ['get', 'investment_cny'], 0]] },
  };
}

/**
 * Gives a large dataset's projects to the map's worker before the validator has passed them, so
 * it clusters them (~1.3 s at 100k) while the main thread checks them (~0.3 s): each industry's
 * clustered source is added with its projects and no layer, so nothing is drawn until
 * `addDataLayers` adds the layers (it keeps these sources). Only parsed JSON the map can take
 * whole is given (a collection of more than `ONE_SOURCE_MAX` features, each a Point at finite
 * longitude and latitude with an id and a known industry, its investment a number or null);
 * anything else returns null and waits for the validator, as every dataset did before. The
 * projects given, by industry, in their order.
 */
export function preloadProjects(map: MapLibreMap, json: unknown): Map<IndustryId, Feature[]> | null {
  const features = (json as { features?: unknown } | null)?.features;
  if (!Array.isArray(features) || projectLayout(features.length) !== 'per-industry') return null;
  const groups = new Map<IndustryId, Feature[]>(INDUSTRIES.map((i) => [i.id, []]));
  for (const f of features as Feature[]) {
    const p = f?.properties;
    const c = f?.geometry?.type === 'Point' ? f.geometry.coordinates : null;
    const investment = p?.investment_cny;
    if (!p || typeof p.id !== 'string' || !c || c.length !== 2) return null;
    const [lng, lat] = c;
    if (typeof lng !== 'number' || typeof lat !== 'number' || !(Math.abs(lng) <= 180 && Math.abs(lat) <= 90)) return null; // NaN fails too
    if (investment != null && !(typeof investment === 'number' && Number.isFinite(investment))) return null;
    const group = groups.get(p.industry);
    if (!group) return null;
    group.push(f);
  }
  for (const [industry, group] of groups) {
    map.addSource(projectSource(industry), industrySource({ type: 'FeatureCollection', features: group }));
  }
  return groups;
}

/** Each industry's points and clusters, by the collection they came from (a filter change reuses the unchanged ones). */
const clustersOf = new WeakMap<FeatureCollection, Feature[]>();
/** The same, with the clusters fanned out (`fanOut`). */
const fannedClustersOf = new WeakMap<FeatureCollection, Feature[]>();

/**
 * The one-source layout's data: the shown industries' points and clusters on every zoom,
 * clusters tagged with their industry (see `project-clusters.ts`), and fanned out (`fanOut`)
 * when more than one industry is shown, as the per-industry layout's layers offset theirs.
 */
export function clusteredProjects(projects: ProjectsByIndustry, visible: ReadonlySet<IndustryId>): FeatureCollection {
  const fanned = visible.size > 1;
  const features: Feature[] = [];
  for (const [industry, collection] of projects) {
    if (!visible.has(industry)) continue;
    let clusters = clustersOf.get(collection);
    if (!clusters) {
      const points = forMap(collection).features as Feature<Point>[];
      const options = { radius: CLUSTER_RADIUS, maxZoom: CLUSTER_MAX_ZOOM, minPoints: CLUSTER_MIN_POINTS, idPrefix: `cluster:${industry}:` };
      clusters = clusterByZoom(points, options).map((f) =>
        f.properties?.point_count ? { ...f, properties: { ...f.properties, industry } } : f,
      );
      clustersOf.set(collection, clusters);
    }
    if (fanned) {
      let fannedClusters = fannedClustersOf.get(collection);
      if (!fannedClusters) {
        const offset = clusterOffset(industry, true);
        fannedClusters = clusters.flatMap((f) => (f.properties?.point_count ? fanOut(f as Feature<Point>, offset) : [f]));
        fannedClustersOf.set(collection, fannedClusters);
      }
      clusters = fannedClusters;
    }
    features.push(...clusters);
  }
  return { type: 'FeatureCollection', features };
}

/** Web Mercator, in px of a world `size` px wide (MapLibre's 512 px tiles). */
const mercatorX = (lng: number, size: number) => ((lng + 180) / 360) * size;
const mercatorY = (lat: number, size: number) => (0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI)) * size;
const longitudeAt = (x: number, size: number) => (x / size) * 360 - 180;
const latitudeAt = (y: number, size: number) => (360 / Math.PI) * Math.atan(Math.exp((0.5 - y / size) * 2 * Math.PI)) - 90;

/**
 * A cluster moved `offset` px from its place, one copy per tile zoom it is drawn at (each zoom's
 * px are another distance on the ground). The offset is exact halfway through the zoom's range,
 * so it is 0.7–1.4× as large across it. The copies keep the cluster's id (one hover state) and
 * carry its real place (`lng`, `lat`), where a click zooms in.
 */
export function fanOut(cluster: Feature<Point>, [dx, dy]: [number, number]): Feature<Point>[] {
  const { zmin, zmax } = cluster.properties as { zmin: number; zmax: number };
  const [lng, lat] = cluster.geometry.coordinates as [number, number];
  const copies: Feature<Point>[] = [];
  for (let z = zmin; z <= zmax; z++) {
    const size = 512 * 2 ** (z + 0.5);
    const coordinates = [longitudeAt(mercatorX(lng, size) + dx, size), latitudeAt(mercatorY(lat, size) + dy, size)];
    copies.push({ ...cluster, geometry: { type: 'Point', coordinates }, properties: { ...cluster.properties, zmin: z, zmax: z, lng, lat } });
  }
  return copies;
}

/** Removes every source and layer `addDataLayers` and `addZoneLabels` added (to lay them out again). */
export function removeDataLayers(map: MapLibreMap): void {
  const sources = [ZONES_SOURCE, SELECTION_SOURCE, PROJECTS_SOURCE, ...INDUSTRIES.map((i) => projectSource(i.id))];
  for (const id of map.getLayersOrder()) {
    if (sources.includes(map.getLayer(id)?.source ?? '')) map.removeLayer(id);
  }
  for (const id of sources) if (map.getSource(id)) map.removeSource(id);
}

/**
 * Adds the zones' labels under the projects, when `addDataLayers` left them out. Their names
 * take ~90 CJK glyphs, which MapLibre draws on the main thread (TinySDF), and a map that starts
 * below `ZONE_LABELS_MIN_ZOOM` does not show them: the view adds them after its first complete
 * frame, or as soon as the map is zoomed in to them.
 */
export function addZoneLabels(map: MapLibreMap, lang: Lang, palette: Palette = PALETTE): void {
  if (map.getLayer(ZONE_LABELS) || !map.getSource(ZONES_SOURCE)) return;
  const firstProjectLayer = map.getLayersOrder().find((id) => isProjectSource(map.getLayer(id)?.source ?? ''));
  map.addLayer(zoneLabelLayer(lang, palette), firstProjectLayer);
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Projects as the map's worker gets them: geometry, id, industry and investment, which is all
 * the layers, the clusters' sums and the clicks read. The popups, the list and the search read
 * whole records on the main thread, so names, sources, quotes and history need not be copied
 * to the worker (a structured clone of every feature) nor cut into its tiles. A new collection
 * each call: only sources whose projects changed are given one.
 */
export function forMap(projects: FeatureCollection, withIndustry = true): FeatureCollection {
  return { type: 'FeatureCollection', features: projects.features.map(withIndustry ? mapFeature : mapFeatureOfSource) };
}

function mapFeature(f: Feature): Feature {
  const p = f.properties;
  return { type: 'Feature', geometry: f.geometry, properties: p && { id: p.id, industry: p.industry, investment_cny: p.investment_cny } };
}

function mapFeatureOfSource(f: Feature): Feature {
  const p = f.properties;
  return { type: 'Feature', geometry: f.geometry, properties: p && { id: p.id, investment_cny: p.investment_cny } };
}

/** Longest zone label drawn, in characters: a longer name ends in "…" (the popup has it whole). */
export const ZONE_LABEL_MAX = 40;

/**
 * Zones as the map's worker gets them: geometry, id, level and the names the labels read. The
 * rest (figures, sources, areas) stays on the main thread: the worker cuts every property it is
 * given into its tiles, and a number beyond what a tile can encode (an area of 1e20 km²) made it
 * drop every zone. Names are cut to `ZONE_LABEL_MAX`: one label, not a line across the map.
 */
export function zonesForMap(zones: FeatureCollection): FeatureCollection {
  return { type: 'FeatureCollection', features: zones.features.map(zoneMapFeature) };
}

function zoneMapFeature(f: Feature): Feature {
  const p = f.properties ?? {};
  const properties: Record<string, unknown> = { id: p.id, level: p.level };
  for (const key of ['name_zh', 'name_en', 'short_zh', 'short_en']) {
    const name = p[key];
    if (typeof name === 'string') properties[key] = zoneLabelText(name);
  }
  return { type: 'Feature', geometry: f.geometry, properties };
}

/** A zone's name as its map label: whole, or cut to `ZONE_LABEL_MAX` characters ending in "…". */
export function zoneLabelText(name: string): string {
  const chars = [...name];
  return chars.length > ZONE_LABEL_MAX ? `${chars.slice(0, ZONE_LABEL_MAX - 1).join('').trimEnd()}…` : name;
}

/** Replaces the features a source draws (filtering happens on the main thread). */
export function setSourceData(map: MapLibreMap, sourceId: string, data: FeatureCollection): void {
  (map.getSource(sourceId) as GeoJSONSource | undefined)?.setData(data);
}

/** Shows the industry layers in `visible` and hides the others, in the per-industry layout: paint changes only. */
export function setIndustryVisibility(map: MapLibreMap, visible: ReadonlySet<IndustryId>): void {
  const fanned = visible.size > 1;
  for (const industry of INDUSTRIES) {
    const opacity = visible.has(industry.id) ? 1 : 0;
    const offset = clusterOffset(industry.id, fanned);
    const cluster = clusterLayer(industry.id);
    if (!map.getLayer(cluster)) continue;
    map.setPaintProperty(cluster, 'circle-opacity', opacity * 0.9);
    map.setPaintProperty(cluster, 'circle-stroke-opacity', opacity);
    map.setPaintProperty(cluster, 'circle-translate', offset);
    map.setPaintProperty(clusterLabelLayer(industry.id), 'text-opacity', opacity);
    map.setPaintProperty(clusterLabelLayer(industry.id), 'text-translate', offset);
    map.setPaintProperty(pointLayer(industry.id), 'circle-opacity', opacity);
    map.setPaintProperty(pointLayer(industry.id), 'circle-stroke-opacity', opacity);
  }
}

/** Rings the selected project's point (or nothing for null). */
export function setSelectionRing(map: MapLibreMap, point: GeoJSON.Point | null): void {
  const features = point ? [{ type: 'Feature' as const, properties: {}, geometry: point }] : [];
  setSourceData(map, SELECTION_SOURCE, { type: 'FeatureCollection', features });
}

export function setDataLabelLanguage(map: MapLibreMap, lang: Lang): void {
  if (map.getLayer(ZONE_LABELS)) map.setLayoutProperty(ZONE_LABELS, 'text-field', zoneLabelExpression(lang));
  for (const id of [ONE_SOURCE_LAYERS.labels, ...INDUSTRIES.map((i) => clusterLabelLayer(i.id))]) {
    if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', clusterLabelExpression(lang));
  }
}

/** Recolours what the data layers take from the basemap's palette (labels and the ring). */
export function setDataPalette(map: MapLibreMap, palette: Palette): void {
  if (map.getLayer(ZONE_LABELS)) {
    map.setPaintProperty(ZONE_LABELS, 'text-color', palette.label);
    map.setPaintProperty(ZONE_LABELS, 'text-halo-color', palette.halo);
  }
  if (map.getLayer('selection')) map.setPaintProperty('selection', 'circle-stroke-color', palette.label);
}
