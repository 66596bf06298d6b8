// The data layers' styles (src/map/data-layers.ts), read from what they add to a stand-in map.
import { describe, expect, it } from 'vitest';
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { ZONE_LABELS_MIN_ZOOM, addDataLayers, addZoneLabels } from '../../src/map/data-layers.js';
import { basemapStyle } from '../../src/map/basemap-style.js';
import { INDUSTRY_IDS } from '../../src/data/industries.js';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Just what addDataLayers and addZoneLabels call, keeping the layers in drawing order. */
function standInMap(basemap: LayerSpecification[] = []) {
  const layers: LayerSpecification[] = [...basemap];
  const sources = new Set<string>();
  const map = {
    addSource: (id: string) => void sources.add(id),
    getSource: (id: string) => (sources.has(id) ? {} : undefined),
    getLayer: (id: string) => layers.find((l) => l.id === id),
    addLayer(layer: LayerSpecification, before?: string) {
      const at = before ? layers.findIndex((l) => l.id === before) : -1;
      layers.splice(at < 0 ? layers.length : at, 0, layer);
    },
  };
  return { map: map as unknown as MapLibreMap, layers };
}

const DATA_OPERATORS = new Set(['get', 'has', 'feature-state', 'geometry-type', 'id', 'properties']);

/** Whether a paint value varies by feature, and whether by zoom: what decides its shader attribute. */
function kind(value: unknown): 'constant' | 'zoom' | 'data' | 'zoom+data' {
  let zoom = false;
  let data = false;
  const walk = (v: unknown): void => {
    if (!Array.isArray(v) || v[0] === 'literal') return;
    if (v[0] === 'zoom') zoom = true;
    if (typeof v[0] === 'string' && DATA_OPERATORS.has(v[0])) data = true;
    v.forEach(walk);
  };
  walk(value);
  return zoom && data ? 'zoom+data' : data ? 'data' : zoom ? 'zoom' : 'constant';
}

/**
 * A layer's paint configuration as MapLibre keys its shader programs: its type and which paint
 * properties vary by feature (constants and zoom-only values are both uniforms).
 */
function configuration(layer: LayerSpecification): string {
  const paint = (layer as { paint?: Record<string, unknown> }).paint ?? {};
  const varying = Object.entries(paint)
    .filter(([name]) => !name.endsWith('-transition'))
    .map(([name, value]) => [name, kind(value)] as const)
    .filter(([, k]) => k === 'data' || k === 'zoom+data')
    .map(([name, k]) => `${name}:${k === 'data' ? 'feature' : 'zoom+feature'}`)
    .sort();
  return [layer.type, ...varying].join(' ');
}

function drawn(zoneLabels: boolean) {
  const basemap = basemapStyle('zh').layers;
  const { map, layers } = standInMap(basemap);
  addDataLayers(map, EMPTY, new Map(), { lang: 'zh', visible: new Set(INDUSTRY_IDS), zoneLabels });
  return { map, basemap, layers, data: layers.filter((l) => !basemap.includes(l)) };
}

describe('data layers', () => {
  it('have one shader configuration of their own: every circle layer varies the same properties', () => {
    const { basemap, data } = drawn(true);
    const known = new Set(basemap.map(configuration));
    const added = [...new Set(data.map(configuration))].filter((c) => !known.has(c));
    // The selection ring is all constants, like the basemap's seats; the rest share one shape.
    expect(added).toEqual([
      'circle circle-radius:zoom+feature circle-stroke-color:feature circle-stroke-width:feature',
    ]);
    const circles = data.filter((l) => l.type === 'circle' && l.id !== 'selection');
    expect(circles.length).toBe(1 + 2 * INDUSTRY_IDS.length);
    expect(data.filter((l) => l.type === 'fill').map(configuration)).toEqual(['fill']);
  });

  it('leave the zones\' labels out when asked, and addZoneLabels puts them under the projects', () => {
    const { map, layers, data } = drawn(false);
    expect(data.some((l) => l.id === 'zone-labels')).toBe(false);
    addZoneLabels(map, 'en');
    const ids = layers.map((l) => l.id);
    const labels = ids.indexOf('zone-labels');
    expect(labels).toBeGreaterThan(ids.indexOf('zone-points'));
    expect(labels).toBeLessThan(ids.findIndex((id) => id.startsWith('project-clusters-')));
    const layer = layers[labels] as { minzoom?: number; layout?: Record<string, unknown> };
    expect(layer.minzoom).toBe(ZONE_LABELS_MIN_ZOOM);
    expect(JSON.stringify(layer.layout!['text-field'])).toContain('short_en');
    addZoneLabels(map, 'en'); // a second call adds nothing
    expect(layers.filter((l) => l.id === 'zone-labels')).toHaveLength(1);
  });

  it('draw the zones\' labels with the rest when asked', () => {
    const ids = drawn(true).data.map((l) => l.id);
    expect(ids.indexOf('zone-labels')).toBeLessThan(ids.findIndex((id) => id.startsWith('project-clusters-')));
  });
});
