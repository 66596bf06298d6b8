// The data layers' styles (src/map/data-layers.ts), read from what they add to a stand-in map.
import { describe, expect, it } from 'vitest';
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import {
  ONE_SOURCE_LAYERS, ONE_SOURCE_MAX, PROJECTS_SOURCE, ZONE_LABELS_MIN_ZOOM, addDataLayers, addZoneLabels, clusterOffset, clusteredProjects, fanOut,
  ZONE_LABEL_MAX, preloadProjects, projectLayout, type ProjectLayout,
} from '../../src/map/data-layers.js';
import { basemapStyle } from '../../src/map/basemap-style.js';
import { INDUSTRY_IDS } from '../../src/data/industries.js';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Just what addDataLayers and addZoneLabels call, keeping the layers in drawing order. */
function standInMap(basemap: LayerSpecification[] = []) {
  const layers: LayerSpecification[] = [...basemap];
  const sources = new Set<string>();
  const specs = new Map<string, { data?: FeatureCollection }>();
  const map = {
    addSource: (id: string, spec: { data?: FeatureCollection }) => void (sources.add(id), specs.set(id, spec)),
    getSource: (id: string) => (sources.has(id) ? {} : undefined),
    getLayer: (id: string) => layers.find((l) => l.id === id),
    getLayersOrder: () => layers.map((l) => l.id),
    addLayer(layer: LayerSpecification, before?: string) {
      const at = before ? layers.findIndex((l) => l.id === before) : -1;
      layers.splice(at < 0 ? layers.length : at, 0, layer);
    },
  };
  return { map: map as unknown as MapLibreMap, layers, sources, specs };
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

function drawn(zoneLabels: boolean, layout: ProjectLayout = 'one-source') {
  const basemap = basemapStyle('zh').layers;
  const { map, layers } = standInMap(basemap);
  addDataLayers(map, EMPTY, new Map(), { lang: 'zh', visible: new Set(INDUSTRY_IDS), zoneLabels, layout });
  return { map, basemap, layers, data: layers.filter((l) => !basemap.includes(l)) };
}

describe('data layers', () => {
  it.each(['one-source', 'per-industry'] as const)('have one shader configuration of their own: every circle layer varies the same properties (%s)', (layout) => {
    const { basemap, data } = drawn(true, layout);
    const known = new Set(basemap.map(configuration));
    const added = [...new Set(data.map(configuration))].filter((c) => !known.has(c));
    // The selection ring is all constants, like the basemap's seats; the rest share one shape.
    expect(added).toEqual([
      'circle circle-color:feature circle-radius:zoom+feature circle-stroke-color:feature circle-stroke-width:feature',
    ]);
    const circles = data.filter((l) => l.type === 'circle' && l.id !== 'selection');
    // The zones' points, then clusters and points: of every industry, or one pair per industry.
    expect(circles.length).toBe(1 + 2 * (layout === 'one-source' ? 1 : INDUSTRY_IDS.length));
    expect(data.filter((l) => l.type === 'fill').map(configuration)).toEqual(['fill']);
  });

  it('leave the zones\' labels out when asked, and addZoneLabels puts them under the projects', () => {
    const { map, layers, data } = drawn(false);
    expect(data.some((l) => l.id === 'zone-labels')).toBe(false);
    addZoneLabels(map, 'en');
    const ids = layers.map((l) => l.id);
    const labels = ids.indexOf('zone-labels');
    expect(labels).toBeGreaterThan(ids.indexOf('zone-points'));
    expect(labels).toBeLessThan(ids.findIndex((id) => id.startsWith('project-clusters')));
    const layer = layers[labels] as { minzoom?: number; layout?: Record<string, unknown> };
    expect(layer.minzoom).toBe(ZONE_LABELS_MIN_ZOOM);
    expect(JSON.stringify(layer.layout!['text-field'])).toContain('short_en');
    addZoneLabels(map, 'en'); // a second call adds nothing
    expect(layers.filter((l) => l.id === 'zone-labels')).toHaveLength(1);
  });

  it('give the map\'s worker what the zone layers read of a zone, with names cut to a label\'s length', () => {
    const long = 'Shanxi '.repeat(20).trim();
    const zone: Feature = {
      type: 'Feature',
      properties: { id: 'z', level: 'national', name_zh: '太原经开区', name_en: long, area_km2: 1e20, figures: [{ key: 'gdp', value: 1e20 }], sources: [] },
      geometry: { type: 'Point', coordinates: [112.5, 37.8] },
    };
    const basemap = basemapStyle('zh').layers;
    const { map, layers, specs } = standInMap(basemap);
    addDataLayers(map, { type: 'FeatureCollection', features: [zone] }, new Map(), { lang: 'en', visible: new Set(INDUSTRY_IDS), zoneLabels: true, layout: 'one-source' });
    const sent = specs.get('zones')!.data!.features[0]!.properties!;
    expect(Object.keys(sent).sort()).toEqual(['id', 'level', 'name_en', 'name_zh']);
    expect([...(sent.name_en as string)]).toHaveLength(ZONE_LABEL_MAX);
    expect(sent.name_en).toMatch(/^Shanxi Shanxi .*…$/);
    expect(sent.name_zh).toBe('太原经开区');
    // Every property a zone layer reads is sent (short names too, when a zone has them), but
    // `industry`: zones have none, and the colour expression the circles share falls back to white.
    const read = new Set<string>();
    const walk = (v: unknown): void => {
      if (!Array.isArray(v)) return;
      if (v[0] === 'get' && typeof v[1] === 'string') read.add(v[1]);
      v.forEach(walk);
    };
    for (const l of layers.filter((l) => 'source' in l && l.source === 'zones')) walk([(l as { filter?: unknown }).filter, Object.values((l as { paint?: object }).paint ?? {}), Object.values((l as { layout?: object }).layout ?? {})]);
    expect([...read].filter((k) => !['id', 'level', 'name_zh', 'name_en', 'short_zh', 'short_en'].includes(k))).toEqual(['industry']);
    // The record itself is left whole.
    expect(zone.properties!.name_en).toBe(long);
  });

  it('draw the zones\' labels with the rest when asked', () => {
    const ids = drawn(true).data.map((l) => l.id);
    expect(ids.indexOf('zone-labels')).toBeLessThan(ids.findIndex((id) => id.startsWith('project-clusters')));
  });
});

/** A project at a place, in an industry. */
function project(id: string, industry: string, lng: number, lat: number, investment_cny: number | null = null): Feature<Point> {
  return { type: 'Feature', properties: { id, industry, investment_cny }, geometry: { type: 'Point', coordinates: [lng, lat] } };
}

describe('the projects\' layouts', () => {
  it('give the map\'s worker only what the layers and clicks read of a project: id and investment, and the industry where a source holds several', () => {
    const full = (id: string, lng: number): Feature<Point> => ({
      type: 'Feature',
      properties: { id, industry: 'computing', investment_cny: 2e9, name_zh: '智算中心', sources: [{ ref: 'x', publisher: 'p' }], history: [] },
      geometry: { type: 'Point', coordinates: [lng, 37.8] },
    });
    const projects = new Map([['computing', { type: 'FeatureCollection', features: [full('a', 112.5), full('b', 113.5)] } as FeatureCollection]] as const);
    for (const layout of ['one-source', 'per-industry'] as const) {
      const { map, specs } = standInMap();
      addDataLayers(map, EMPTY, projects, { lang: 'zh', visible: new Set(['computing']), layout });
      const sent = [...specs].filter(([id]) => id.startsWith(PROJECTS_SOURCE)).flatMap(([, spec]) => spec.data?.features ?? []);
      expect(sent.map((f) => f.properties!.id).sort(), layout).toEqual(['a', 'b']);
      for (const f of sent) {
        // A per-industry source's projects are all of its industry: its layers colour them by it.
        const fields = layout === 'one-source' ? ['id', 'industry', 'investment_cny'] : ['id', 'investment_cny'];
        expect(Object.keys(f.properties!).filter((k) => !['zmin', 'zmax'].includes(k)).sort(), layout).toEqual(fields);
        expect(f.properties!.investment_cny).toBe(2e9);
      }
    }
    // The records themselves are left whole.
    expect(projects.get('computing')!.features[0]!.properties!.name_zh).toBe('智算中心');
  });

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
    // One source: three layers of projects, for every industry, picking the tile's zoom.
    const projectLayers = (layers: LayerSpecification[]) => layers.filter((l) => 'source' in l && l.source.startsWith('projects'));
    expect(projectLayers(one.layers).map((l) => l.id)).toEqual([ONE_SOURCE_LAYERS.clusters, ONE_SOURCE_LAYERS.labels, ONE_SOURCE_LAYERS.points]);
    expect(projectLayers(perIndustry.layers)).toHaveLength(3 * INDUSTRY_IDS.length);
    const points = one.layers.find((l) => l.id === ONE_SOURCE_LAYERS.points) as { source: string; filter: unknown };
    expect(points.source).toBe(PROJECTS_SOURCE);
    expect(JSON.stringify(points.filter)).toContain('["zoom"]');
  });

  it('cluster each industry apart in one source, tag clusters with it, and reuse an unchanged industry\'s clusters', () => {
    const here = [112.5, 37.8] as const;
    const energy: FeatureCollection = { type: 'FeatureCollection', features: [0, 1, 2].map((i) => project(`e${i}`, 'new-energy', here[0] + i * 1e-4, here[1])) };
    const computing: FeatureCollection = { type: 'FeatureCollection', features: [0, 1, 2].map((i) => project(`c${i}`, 'computing', here[0] + i * 1e-4, here[1], 1e8)) };
    const both = new Set(['new-energy', 'computing'] as const);
    const data = clusteredProjects(new Map([['new-energy', energy], ['computing', computing]]), both);
    const clusters = data.features.filter((f) => f.properties!.point_count);
    // At one place, two industries: two clusters (each of its own industry), never one of six.
    expect(clusters.every((c) => c.properties!.point_count === 3)).toBe(true);
    expect(new Set(clusters.map((c) => c.properties!.industry))).toEqual(new Set(['new-energy', 'computing']));
    expect(clusters.find((c) => c.properties!.industry === 'computing')!.properties!.investment).toBe(3e8);
    // Ids for hover state: one per point or cluster (a fanned cluster's copies, one per zoom, share it).
    const perZoom = data.features.map((f) => `${f.properties!.id}@${f.properties!.zmin}`);
    expect(new Set(perZoom).size).toBe(data.features.length);
    expect(new Set(clusters.map((c) => c.properties!.id)).size).toBe(2);
    const again = clusteredProjects(new Map([['new-energy', energy], ['computing', { ...computing, features: computing.features.slice(1) }]]), both);
    const energyOf = (c: FeatureCollection) => c.features.filter((f) => f.properties!.industry === 'new-energy');
    expect(energyOf(again)).toEqual(energyOf(data));
    expect(energyOf(again)[0]).toBe(energyOf(data)[0]);
  });

  it('hold only the shown industries, fanned out around their place when more than one is shown', () => {
    const here = [112.5, 37.8] as const;
    const of = (industry: string, prefix: string): FeatureCollection => ({
      type: 'FeatureCollection',
      features: [0, 1, 2].map((i) => project(`${prefix}${i}`, industry, here[0] + i * 1e-4, here[1])),
    });
    const projects = new Map([['new-energy', of('new-energy', 'e')], ['computing', of('computing', 'c')], ['equipment', of('equipment', 'q')]] as const);
    const onlyEnergy = clusteredProjects(projects, new Set(['new-energy']));
    expect(new Set(onlyEnergy.features.map((f) => f.properties!.industry))).toEqual(new Set(['new-energy']));
    // One industry shown: its clusters sit at their place, one feature for all their zooms.
    const alone = onlyEnergy.features.filter((f) => f.properties!.point_count) as Feature<Point>[];
    expect(alone).toHaveLength(1);
    expect(alone[0]!.properties!.zmax).toBeGreaterThan(alone[0]!.properties!.zmin);
    const fanned = clusteredProjects(projects, new Set(['new-energy', 'computing'])).features.filter(
      (f) => f.properties!.point_count && f.properties!.industry === 'new-energy',
    ) as Feature<Point>[];
    expect(fanned).toHaveLength(alone[0]!.properties!.zmax - alone[0]!.properties!.zmin + 1);
    expect(fanned.map((f) => f.geometry.coordinates)).toEqual(fanOut(alone[0]!, clusterOffset('new-energy', true)).map((f) => f.geometry.coordinates));
  });

  it('fan a cluster out by its offset in px, at the middle of each zoom it is drawn at, and keep its place', () => {
    const cluster: Feature<Point> = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [112.5, 37.8] },
      properties: { id: 'cluster:computing:0', point_count: 4, zmin: 5, zmax: 7 },
    };
    const copies = fanOut(cluster, [24, -10]);
    expect(copies.map((c) => [c.properties!.zmin, c.properties!.zmax])).toEqual([[5, 5], [6, 6], [7, 7]]);
    // Back to px in Web Mercator at zoom z + 0.5 (512 px tiles): the offset, whatever the zoom.
    const px = ([lng, lat]: number[], z: number) => {
      const size = 512 * 2 ** (z + 0.5);
      const y = Math.log(Math.tan(Math.PI / 4 + (lat! * Math.PI) / 360));
      return [((lng! + 180) / 360) * size, (0.5 - y / (2 * Math.PI)) * size];
    };
    for (const copy of copies) {
      const z = copy.properties!.zmin as number;
      const [x0, y0] = px(cluster.geometry.coordinates, z);
      const [x1, y1] = px(copy.geometry.coordinates, z);
      expect(x1! - x0!).toBeCloseTo(24, 6);
      expect(y1! - y0!).toBeCloseTo(-10, 6);
      expect([copy.properties!.lng, copy.properties!.lat]).toEqual([112.5, 37.8]);
      expect(copy.properties!.id).toBe('cluster:computing:0');
    }
    expect(cluster.properties!.zmin).toBe(5); // the input is left as it was
  });
});

describe('preloadProjects', () => {
  const many = (n: number): Feature<Point>[] =>
    Array.from({ length: n }, (_, i) => project(`p${i}`, INDUSTRY_IDS[i % INDUSTRY_IDS.length]!, 112 + (i % 100) / 100, 37.5, i % 3 ? 1e8 : null));
  const collection = (features: unknown[]) => ({ type: 'FeatureCollection', features });

  it('gives a large collection of points to a source per industry, in their order, and nothing else', () => {
    const features = many(ONE_SOURCE_MAX + 10);
    const { map, specs, layers } = standInMap();
    const groups = preloadProjects(map, collection(features));
    expect([...groups!.keys()].sort()).toEqual([...INDUSTRY_IDS].sort());
    for (const industry of INDUSTRY_IDS) {
      const expected = features.filter((f) => f.properties!.industry === industry);
      expect(groups!.get(industry)).toEqual(expected);
      expect(specs.get(`projects-${industry}`)!.data!.features.map((f) => f.properties!.id)).toEqual(expected.map((f) => f.properties!.id));
    }
    expect(layers).toEqual([]); // drawn by nothing yet
  });

  it('gives nothing, and leaves it to the validator, unless the map can take every feature as it is', () => {
    const cases: [string, (f: Feature<Point>[]) => unknown][] = [
      ['a small collection (one source, clustered on the main thread)', () => collection(many(ONE_SOURCE_MAX))],
      ['no features array', () => ({ type: 'FeatureCollection', features: {} })],
      ['not an object', () => 'x'],
      ['null', () => null],
      ['a feature that is null', (f) => collection([...f, null])],
      ['no properties', (f) => collection([...f, { type: 'Feature', geometry: f[0]!.geometry }])],
      ['a number id', (f) => collection([...f, { ...f[0], properties: { ...f[0]!.properties, id: 7 } }])],
      ['an unknown industry', (f) => collection([...f, { ...f[0], properties: { ...f[0]!.properties, industry: 'x' } }])],
      ['a string investment', (f) => collection([...f, { ...f[0], properties: { ...f[0]!.properties, investment_cny: '1e8' } }])],
      ['an infinite investment', (f) => collection([...f, { ...f[0], properties: { ...f[0]!.properties, investment_cny: Infinity } }])],
      ['a line', (f) => collection([...f, { ...f[0], geometry: { type: 'LineString', coordinates: [[112, 37], [113, 38]] } }])],
      ['no geometry', (f) => collection([...f, { ...f[0], geometry: null }])],
      ['string coordinates', (f) => collection([...f, { ...f[0], geometry: { type: 'Point', coordinates: ['112', '37'] } }])],
      ['NaN', (f) => collection([...f, { ...f[0], geometry: { type: 'Point', coordinates: [NaN, 37] } }])],
      ['a latitude beyond 90', (f) => collection([...f, { ...f[0], geometry: { type: 'Point', coordinates: [37, 112] } }])],
      ['three coordinates', (f) => collection([...f, { ...f[0], geometry: { type: 'Point', coordinates: [112, 37, 5] } }])],
    ];
    for (const [name, make] of cases) {
      const { map, sources } = standInMap();
      expect(preloadProjects(map, make(many(ONE_SOURCE_MAX + 1))), name).toBeNull();
      expect(sources.size, name).toBe(0);
    }
  });
});
