/**
 * The main-thread clusters of a small dataset (src/map/project-clusters.ts) against MapLibre's
 * own cluster index (@maplibre/geojson-vt's Supercluster, what a clustered GeoJSON source runs
 * in its worker): on every zoom, the same groups of projects.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Supercluster } from '@maplibre/geojson-vt';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { TOP_ZOOM, clusterByZoom, type ClusterOptions } from '../../src/map/project-clusters.js';
import { syntheticProjects } from '../../bench/synthetic.js';
import { CLUSTER_MAX_ZOOM, CLUSTER_MIN_POINTS, CLUSTER_RADIUS } from '../../src/map/data-layers.js';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
const ZONES = read('data/zones.geojson');
const PROVINCE = read('geo/province.geojson');
const SHIPPED = read('data/projects.geojson').features as Feature<Point>[];

const OPTIONS: ClusterOptions = { radius: CLUSTER_RADIUS, maxZoom: CLUSTER_MAX_ZOOM, minPoints: CLUSTER_MIN_POINTS, idPrefix: 'c' };

/** What is drawn at a zoom, as sorted groups of project ids (a point is a group of one). */
function groupsAt(features: Feature<Point>[], zoom: number): string[] {
  return features
    .filter((f) => f.properties!.zmin <= zoom && zoom <= f.properties!.zmax)
    .map((f) => (f.properties!.point_count ? String(f.properties!.ids).split(',') : [String(f.properties!.id)]).sort().join(' '))
    .sort();
}

/** The same from MapLibre's index, the leaves of each cluster. */
function oracleGroupsAt(index: InstanceType<typeof Supercluster>, zoom: number): string[] {
  return index
    .getClusters([-180, -85, 180, 85], zoom)
    .map((f) =>
      (f.properties?.cluster
        ? index.getLeaves(f.properties.cluster_id as number, Infinity).map((l) => String(l.properties!.id))
        : [String(f.properties!.id)]
      )
        .sort()
        .join(' '),
    )
    .sort();
}

function oracle(points: Feature<Point>[]) {
  const index = new Supercluster({ radius: CLUSTER_RADIUS, maxZoom: CLUSTER_MAX_ZOOM, minPoints: CLUSTER_MIN_POINTS, extent: 512 });
  index.load(points);
  return index;
}

describe('clusterByZoom', () => {
  const byIndustry = (points: Feature<Point>[]) => {
    const groups = new Map<string, Feature<Point>[]>();
    for (const f of points) groups.set(String(f.properties!.industry), [...(groups.get(String(f.properties!.industry)) ?? []), f]);
    return groups;
  };

  it.each([
    ['the shipped projects', SHIPPED],
    ['1,500 synthetic projects', syntheticProjects({ count: 1500, zones: ZONES, province: PROVINCE }).features as Feature<Point>[]],
  ])('groups %s as MapLibre does, industry by industry, on every zoom', (_, points) => {
    let clustered = 0;
    for (const [, group] of byIndustry(points)) {
      const ours = clusterByZoom(group, OPTIONS);
      const index = oracle(group);
      for (let zoom = 0; zoom <= CLUSTER_MAX_ZOOM + 2; zoom++) {
        expect(groupsAt(ours, zoom), `zoom ${zoom}`).toEqual(oracleGroupsAt(index, zoom));
      }
      clustered += ours.filter((f) => f.properties!.point_count).length;
    }
    expect(clustered).toBeGreaterThan(3); // not vacuous: there are clusters to compare
  });

  it('draws every project once on every zoom, and each point from where its cluster splits', () => {
    const ours = clusterByZoom(SHIPPED.filter((f) => f.properties!.industry === 'new-energy'), OPTIONS);
    const count = SHIPPED.filter((f) => f.properties!.industry === 'new-energy').length;
    for (let zoom = 0; zoom <= 14; zoom++) {
      const ids = groupsAt(ours, zoom).flatMap((g) => g.split(' '));
      expect(ids).toHaveLength(count);
      expect(new Set(ids).size).toBe(count);
    }
    for (const f of ours) {
      expect(f.properties!.zmin).toBeLessThanOrEqual(f.properties!.zmax);
      if (!f.properties!.point_count) continue;
      // Clicking a cluster zooms to where it is no longer drawn, and its parts are.
      const expansion = f.properties!.expansion_zoom as number;
      expect(expansion).toBe(f.properties!.zmax + 1);
      expect(groupsAt(ours, expansion)).not.toContain(String(f.properties!.ids).split(',').sort().join(' '));
    }
    expect(ours.filter((f) => !f.properties!.point_count).every((f) => f.properties!.zmax === TOP_ZOOM)).toBe(true);
  });

  it('sums the disclosed investment of its projects, and gives each cluster its own id', () => {
    const points = [
      { lng: 112.5, lat: 37.8, id: 'a', investment_cny: 2e9 },
      { lng: 112.5001, lat: 37.8, id: 'b', investment_cny: null },
      { lng: 112.5002, lat: 37.8001, id: 'c', investment_cny: 5e8 },
      { lng: 113.5, lat: 36, id: 'd', investment_cny: 1e9 },
    ].map(({ lng, lat, ...properties }): Feature<Point> => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lng, lat] } }));
    const ours = clusterByZoom(points, { ...OPTIONS, idPrefix: 'x:' });
    const clusters = ours.filter((f) => f.properties!.point_count);
    expect(clusters.length).toBeGreaterThan(0);
    const abc = clusters.find((f) => f.properties!.ids === 'a,b,c')!;
    expect(abc.properties).toMatchObject({ point_count: 3, investment: 2.5e9 });
    expect(new Set(clusters.map((f) => f.properties!.id)).size).toBe(clusters.length);
    expect(clusters.every((f) => String(f.properties!.id).startsWith('x:'))).toBe(true);
    // Two points are not a cluster (minPoints 3): 'd' joins only when the three are near it.
    expect(groupsAt(ours, CLUSTER_MAX_ZOOM + 1)).toEqual(['a', 'b', 'c', 'd']);
    // The projects' own properties pass through untouched.
    expect(ours.find((f) => f.properties!.id === 'd')!.properties).toMatchObject({ investment_cny: 1e9 });
  });
});
