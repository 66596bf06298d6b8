// The data layers' styles (src/map/data-layers.ts), read from what they add to a stand-in map.
import { describe, expect, it } from 'vitest';
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import {
  ONE_SOURCE_MAX, PROJECTS_SOURCE, ZONE_LABELS_MIN_ZOOM, addDataLayers, addZoneLabels, clusteredProjects, projectLayout, type ProjectLayout,
} from '../../src/map/data-layers.js';
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
  return { map: map as unknown as MapLibreMap, layers, sources };
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
  addDataLayers(map, EMPTY, new Map(), { lang: 'zh', visible: new Set(INDUSTRY_IDS), zoneLabels, layout: 'one-source' });
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

/** A project at a place, in an industry. */
function project(id: string, industry: string, lng: number, lat: number, investment_cny: number | null = null): Feature<Point> {
  return { type: 'Feature', properties: { id, industry, investment_cny }, geometry: { type: 'Point', coordinates: [lng, lat] } };
}

describe('the projects\' layouts', () => {
  it('use one source up to ONE_SOURCE_MAX projects, and a clustered source per industry above', () => {
    expect(projectLayout(0)).toBe('one-source');
    expect(projectLayout(ONE_SOURCE_MAX)).toBe('one-source');
    expect(projectLayout(ONE_SOURCE_MAX + 1)).toBe('per-industry');
    const added = (layout: ProjectLayout) => {
      const { map, layers, sources } = standInMap();
      addDataLayers(map, EMPTY, new Map(), { lang: 'zh', visible: new Set(INDUSTRY_IDS), layout });
      return { layers, sources: [...sources] };
    };
    const one = added('one-source');
    expect(one.sources.sort()).toEqual([PROJECTS_SOURCE, 'selection', 'zones']);
    const perIndustry = added('per-industry');
    expect(perIndustry.sources).toHaveLength(2 + INDUSTRY_IDS.length);
    // The same layers either way; in one source each picks its industry and the tile's zoom.
    expect(one.layers.map((l) => l.id)).toEqual(perIndustry.layers.map((l) => l.id));
    const points = one.layers.find((l) => l.id === 'project-points-new-energy') as { source: string; filter: unknown };
    expect(points.source).toBe(PROJECTS_SOURCE);
    const filter = JSON.stringify(points.filter);
    expect(filter).toContain('["==",["get","industry"],"new-energy"]');
    expect(filter).toContain('["zoom"]');
  });

  it('cluster each industry apart in one source, tag clusters with it, and reuse an unchanged industry\'s clusters', () => {
    const here = [112.5, 37.8] as const;
    const energy: FeatureCollection = { type: 'FeatureCollection', features: [0, 1, 2].map((i) => project(`e${i}`, 'new-energy', here[0] + i * 1e-4, here[1])) };
    const computing: FeatureCollection = { type: 'FeatureCollection', features: [0, 1, 2].map((i) => project(`c${i}`, 'computing', here[0] + i * 1e-4, here[1], 1e8)) };
    const data = clusteredProjects(new Map([['new-energy', energy], ['computing', computing]]));
    const clusters = data.features.filter((f) => f.properties!.point_count);
    // At one place, two industries: two clusters (each of its own industry), never one of six.
    expect(clusters.every((c) => c.properties!.point_count === 3)).toBe(true);
    expect(new Set(clusters.map((c) => c.properties!.industry))).toEqual(new Set(['new-energy', 'computing']));
    expect(clusters.find((c) => c.properties!.industry === 'computing')!.properties!.investment).toBe(3e8);
    expect(new Set(data.features.map((f) => f.properties!.id)).size).toBe(data.features.length); // ids for hover state
    const again = clusteredProjects(new Map([['new-energy', energy], ['computing', { ...computing, features: computing.features.slice(1) }]]));
    expect(again.features.filter((f) => f.properties!.industry === 'new-energy')).toEqual(
      data.features.filter((f) => f.properties!.industry === 'new-energy'),
    );
    expect(again.features.filter((f) => f.properties!.industry === 'new-energy')[0]).toBe(
      data.features.filter((f) => f.properties!.industry === 'new-energy')[0],
    );
  });
});
