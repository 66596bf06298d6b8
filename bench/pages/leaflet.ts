/**
 * (c) Leaflet with leaflet.markercluster: the province outline and the zones as GeoJSON layers
 * (no tiles), every project a canvas circle marker in one MarkerClusterGroup (added in one
 * `addLayers` call). Ready = the clusters added and a frame drawn.
 */
import L from 'leaflet';
import './leaflet-global.js';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { SHANXI_BOUNDS } from '../../src/map/basemap-style.js';
import { INDUSTRIES } from '../../src/data/industries.js';
import { afterFrame, install, projectsParam, sizeContainer } from './harness.js';

const PROVINCE_URL = new URL('../../geo/province.geojson', import.meta.url).href;
const ZONES_URL = new URL('../../data/zones.geojson', import.meta.url).href;
const PROJECTS_URL = new URL('../../data/projects.geojson', import.meta.url).href;
const COLORS = new Map<string, string>(INDUSTRIES.map((i) => [i.id, i.color]));

const container = document.getElementById('map')!;
sizeContainer(container);

const fetchJson = async (url: string): Promise<FeatureCollection> => {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return (await r.json()) as FeatureCollection;
};
const data = Promise.all([fetchJson(PROVINCE_URL), fetchJson(ZONES_URL), fetchJson(projectsParam ?? PROJECTS_URL)]);

const [w, s, e, n] = SHANXI_BOUNDS;
const map = L.map(container, { preferCanvas: true, attributionControl: false, maxBounds: [[31, 104], [44, 121]], minZoom: 5, maxZoom: 14 });
map.fitBounds([[s, w], [n, e]], { padding: [16, 16], animate: false });
const clusters = L.markerClusterGroup({ maxClusterRadius: 36, disableClusteringAtZoom: 10, chunkedLoading: false });
let markers: { industry: string; marker: L.CircleMarker }[] = [];

const ready = install({
  variant: 'leaflet',
  async toggle(industries) {
    const keep = new Set(industries);
    clusters.clearLayers();
    clusters.addLayers(markers.filter((m) => keep.size === 0 || keep.has(m.industry)).map((m) => m.marker));
    await afterFrame();
  },
  async repaint() {
    await afterFrame();
  },
  panBy(dx, dy) {
    map.panBy([dx, dy], { animate: false });
  },
  projectCount: () => markers.length,
});

async function start(): Promise<void> {
  const [province, zones, projects] = await data;
  L.geoJSON(province, { style: { color: '#4f4638', weight: 1.6, fillColor: '#f8f6f1', fillOpacity: 1 } }).addTo(map);
  L.geoJSON(zones, {
    style: { color: '#a57d25', weight: 1.4, dashArray: '4 2', fillColor: '#c8a04a', fillOpacity: 0.12 },
    pointToLayer: (_f, latlng) => L.circleMarker(latlng, { radius: 6, color: '#3d3a33', weight: 2, fillColor: '#ffffff', fillOpacity: 0.92 }),
  }).addTo(map);
  markers = (projects.features as Feature<Point>[]).map((f) => {
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const industry = String(f.properties?.industry);
    const marker = L.circleMarker([lat, lon], { radius: 5, color: '#ffffff', weight: 1.2, fillColor: COLORS.get(industry) ?? '#777777', fillOpacity: 1 });
    return { industry, marker };
  });
  clusters.addLayers(markers.map((m) => m.marker));
  map.addLayer(clusters);
  await afterFrame();
  ready.resolve(performance.now());
}
start().catch((e) => ready.reject(e));
