/**
 * (b) The floor: a bare MapLibre page with the element's offline basemap style
 * (src/map/basemap-style.ts) and the same zones and projects as plain circle layers, the
 * projects clustered like the element's (same radius and max zoom) for the synthetic sets, or
 * when `cluster=1`. No validation, no panel, no controls. The data are added on `style.load`
 * (as the element adds them). Ready = the first `idle` after the data were added.
 *
 * `split=industry` is the element's map design (src/map/data-layers.ts) without the element: one
 * clustered source and its layers per industry layer, so an industry toggle is a paint change
 * (opacity 0 or 1: no `setData`, no re-clustering or re-layout in the worker, one redraw).
 * Clusters group projects of one industry each.
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { FONT_STACK, SHANXI_BOUNDS, basemapStyle } from '../../src/map/basemap-style.js';
import { INDUSTRIES } from '../../src/data/industries.js';
import { install, mapDrawn, mapIdle, params, projectsParam, sizeContainer } from './harness.js';

maplibregl.setWorkerUrl(workerUrl);

const ZONES_URL = new URL('../../data/zones.geojson', import.meta.url).href;
const PROJECTS_URL = new URL('../../data/projects.geojson', import.meta.url).href;
const cluster = params.has('cluster') ? params.get('cluster') === '1' : projectsParam !== null;
const split = params.get('split') === 'industry';

let projects: Feature[] = [];
const container = document.getElementById('map')!;
sizeContainer(container);

const fetchJson = async (url: string): Promise<FeatureCollection> => {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return (await r.json()) as FeatureCollection;
};
const data = Promise.all([fetchJson(ZONES_URL), fetchJson(projectsParam ?? PROJECTS_URL)]);

const map = new maplibregl.Map({
  container,
  // The split page's toggles are paint changes: without this, each would fade over 300 ms.
  style: split ? { ...basemapStyle('zh'), transition: { duration: 0, delay: 0 } } : basemapStyle('zh'),
  bounds: SHANXI_BOUNDS,
  fitBoundsOptions: { padding: 16 },
  maxBounds: [104, 31, 121, 44],
  minZoom: 4.5,
  maxZoom: 14,
  fadeDuration: 0,
  attributionControl: false,
});

const color = ['match', ['get', 'industry'], ...INDUSTRIES.flatMap((i) => [i.id, i.color]), '#777777'] as unknown as ExpressionSpecification;

const ready = install({
  variant: split ? 'bare-split' : 'bare',
  async toggle(industries) {
    const keep = new Set(industries);
    if (split) {
      // Paint-only: opacity 0 layers are skipped when drawing, and no tile is laid out again.
      for (const { id } of INDUSTRIES) {
        const o = keep.size === 0 || keep.has(id) ? 1 : 0;
        if (map.getPaintProperty(`project-points-${id}`, 'circle-opacity') === o) continue;
        for (const layer of [`clusters-${id}`, `project-points-${id}`]) {
          if (!map.getLayer(layer)) continue;
          map.setPaintProperty(layer, 'circle-opacity', o);
          map.setPaintProperty(layer, 'circle-stroke-opacity', o);
        }
        if (map.getLayer(`cluster-counts-${id}`)) map.setPaintProperty(`cluster-counts-${id}`, 'text-opacity', o);
      }
    } else {
      const features = keep.size ? projects.filter((f) => keep.has(f.properties!.industry)) : projects;
      (map.getSource('projects') as GeoJSONSource).setData({ type: 'FeatureCollection', features });
    }
    return mapDrawn(map);
  },
  async repaint() {
    await mapDrawn(map);
  },
  panBy(dx, dy) {
    map.panBy([dx, dy], { animate: false });
  },
  projectCount: () => projects.length,
  info: () => ({ cluster, split }),
});

/** A projects source and its layers (clusters, their counts, the points), ids suffixed. */
function addProjects(source: string, suffix: string, data: FeatureCollection): void {
  map.addSource(source, cluster ? { type: 'geojson', data, cluster: true, clusterMaxZoom: 9, clusterRadius: 36, clusterMinPoints: 3 } : { type: 'geojson', data });
  if (cluster) {
    map.addLayer({
      id: `clusters${suffix}`,
      type: 'circle',
      source,
      filter: ['has', 'point_count'],
      paint: { 'circle-color': '#3d3a33', 'circle-opacity': 1, 'circle-stroke-opacity': 1, 'circle-radius': ['interpolate', ['linear'], ['get', 'point_count'], 2, 14, 200, 28, 5000, 36], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    });
    map.addLayer({
      id: `cluster-counts${suffix}`,
      type: 'symbol',
      source,
      filter: ['has', 'point_count'],
      layout: { 'text-field': ['to-string', ['get', 'point_count']], 'text-font': FONT_STACK, 'text-size': 11, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': '#ffffff', 'text-opacity': 1 },
    });
  }
  map.addLayer({
    id: `project-points${suffix}`,
    type: 'circle',
    source,
    filter: cluster ? ['!', ['has', 'point_count']] : ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-radius': 5, 'circle-color': color, 'circle-opacity': 1, 'circle-stroke-opacity': 1, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.2 },
  });
}

// The data go in as soon as the style can take them (`style.load`), as the element does, not on
// `load`, which waits for the basemap's first complete frame: the floor is the fastest plain page.
const styleLoaded = new Promise<void>((resolve) => map.once('style.load', () => resolve()));

async function start(): Promise<void> {
  const [[zones, all]] = await Promise.all([data, styleLoaded]);
  projects = all.features;
  map.addSource('zones', { type: 'geojson', data: zones });
  map.addLayer({ id: 'zone-areas', type: 'fill', source: 'zones', filter: ['!=', ['geometry-type'], 'Point'], paint: { 'fill-color': '#c8a04a', 'fill-opacity': 0.12 } });
  map.addLayer({
    id: 'zone-points',
    type: 'circle',
    source: 'zones',
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-radius': 6, 'circle-color': '#ffffff', 'circle-stroke-color': '#3d3a33', 'circle-stroke-width': 2 },
  });
  if (split) {
    for (const { id } of INDUSTRIES) {
      const features = all.features.filter((f) => f.properties?.industry === id);
      addProjects(`projects-${id}`, `-${id}`, { type: 'FeatureCollection', features });
    }
  } else addProjects('projects', '', all);
  await mapIdle(map);
  ready.resolve(performance.now());
}
start().catch((e) => ready.reject(e));
