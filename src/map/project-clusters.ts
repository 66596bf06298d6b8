/**
 * Clusters of a small set of projects, worked out on the main thread for every zoom at once, so
 * that the map can draw all industries' projects from one plain GeoJSON source (see
 * `data-layers.ts`, "one source").
 *
 * The algorithm is MapLibre's own (its geojson-vt `Supercluster`, as a clustered GeoJSON source
 * runs it in the worker): from the highest clustering zoom down, each point or cluster takes in
 * every one not yet taken within `radius` px of it, when that makes at least `minPoints`
 * projects; the cluster sits at their weighted centre. Coordinates are the same integer steps
 * of the same projection, so the clusters are the ones a clustered source would draw.
 *
 * An item that is not merged on a zoom is the same item on the zoom below, so each point and
 * cluster is output once, with the range of zooms it is drawn at (`zmin`…`zmax`, integer tile
 * zooms, as a clustered source's tiles use them): a layer shows it with a zoom filter.
 */
import type { Feature, Point } from 'geojson';

export interface ClusterOptions {
  /** Cluster radius, px (as `clusterRadius`). */
  radius: number;
  /** The highest zoom that clusters (as `clusterMaxZoom`); above it every point is drawn. */
  maxZoom: number;
  /** The fewest projects that make a cluster (as `clusterMinPoints`). */
  minPoints: number;
  /** Prefix of the clusters' ids (unique across the calls whose output share a source). */
  idPrefix: string;
}

/** The zoom a point is drawn to: any zoom the map reaches (`maxZoom` is 14). */
export const TOP_ZOOM = 99;

/** What a cluster feature carries (besides the zoom range). */
export interface ClusterProperties {
  id: string;
  point_count: number;
  /** Summed `investment_cny` of its projects (0 for those that disclose none). */
  investment: number;
  /** The zoom at which it splits into its parts: clicking it zooms there. */
  expansion_zoom: number;
  /** Its projects' ids, comma-separated. */
  ids: string;
  zmin: number;
  zmax: number;
}

interface Item {
  x: number;
  y: number;
  count: number;
  investment: number;
  ids: string[];
  /** The zoom it was formed at (a point: above the clustering zooms). */
  zmax: number;
  /** The lowest zoom it is drawn at, set when it merges into a cluster. */
  zmin: number;
  /** The input point, for a point. */
  point?: Feature<Point>;
}

/** Projected coordinates in integer steps (as geojson-vt's cluster index stores them). */
const SCALE = 0x40000000;
const EXTENT = 512;

function projectX(lng: number): number {
  return Math.round((lng / 360) * SCALE);
}
function projectY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return Math.round(((y < 0 ? 0 : y > 1 ? 1 : y) - 0.5) * SCALE);
}
function unprojectX(x: number): number {
  return (x / SCALE) * 360;
}
function unprojectY(y: number): number {
  const y2 = ((180 - (y / SCALE + 0.5) * 360) * Math.PI) / 180;
  return (360 * Math.atan(Math.exp(y2))) / Math.PI - 90;
}

/** Items bucketed by cells of `r`, so the ones within `r` of a point are in its 3×3 cells. */
function grid(items: Item[], r: number): { near(item: Item): number[] } {
  const cells = new Map<string, number[]>();
  const key = (cx: number, cy: number) => `${cx},${cy}`;
  items.forEach((item, i) => {
    const k = key(Math.floor(item.x / r), Math.floor(item.y / r));
    const cell = cells.get(k);
    if (cell) cell.push(i);
    else cells.set(k, [i]);
  });
  return {
    near(item) {
      const cx = Math.floor(item.x / r);
      const cy = Math.floor(item.y / r);
      const out: number[] = [];
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) out.push(...(cells.get(key(cx + dx, cy + dy)) ?? []));
      // In index order, as the items were laid down, so the merging order does not depend on cells.
      return out.sort((a, b) => a - b);
    },
  };
}

/** One zoom's clustering of the items of the zoom above (see the module's comment). */
function clusterZoom(items: Item[], zoom: number, options: ClusterOptions): Item[] {
  const r = (options.radius / (EXTENT * 2 ** zoom)) * SCALE;
  const r2 = r * r;
  const cells = grid(items, r);
  const taken = new Uint8Array(items.length);
  const next: Item[] = [];
  items.forEach((item, i) => {
    if (taken[i]) return;
    taken[i] = 1;
    const neighbours = cells.near(item).filter((k) => {
      const other = items[k]!;
      return !taken[k] && (other.x - item.x) ** 2 + (other.y - item.y) ** 2 <= r2;
    });
    const count = neighbours.reduce((n, k) => n + items[k]!.count, item.count);
    if (count > item.count && count >= options.minPoints) {
      const parts = [item, ...neighbours.map((k) => items[k]!)];
      for (const k of neighbours) taken[k] = 1;
      for (const part of parts) part.zmin = zoom + 1;
      next.push({
        x: Math.round(parts.reduce((s, p) => s + p.x * p.count, 0) / count),
        y: Math.round(parts.reduce((s, p) => s + p.y * p.count, 0) / count),
        count,
        investment: parts.reduce((s, p) => s + p.investment, 0),
        ids: parts.flatMap((p) => p.ids),
        zmax: zoom,
        zmin: 0,
      });
    } else {
      next.push(item);
      if (count > 1) {
        for (const k of neighbours) {
          taken[k] = 1;
          next.push(items[k]!);
        }
      }
    }
  });
  return next;
}

/**
 * The points and clusters of `points` at every zoom, each once with its zoom range (`zmin`,
 * `zmax`). Points keep their properties; clusters carry `ClusterProperties`.
 */
export function clusterByZoom(points: readonly Feature<Point>[], options: ClusterOptions): Feature<Point>[] {
  const all: Item[] = [];
  let items: Item[] = points.map((point) => {
    const [lng, lat] = point.geometry.coordinates as [number, number];
    const investment = Number(point.properties?.investment_cny);
    const item: Item = {
      x: projectX(lng),
      y: projectY(lat),
      count: 1,
      investment: Number.isFinite(investment) ? investment : 0,
      ids: [String(point.properties?.id)],
      zmax: TOP_ZOOM,
      zmin: 0,
      point,
    };
    all.push(item);
    return item;
  });
  for (let zoom = options.maxZoom; zoom >= 0; zoom--) {
    const next = clusterZoom(items, zoom, options);
    for (const item of next) if (!item.point && item.zmax === zoom) all.push(item);
    items = next;
  }
  let n = 0;
  return all.map((item): Feature<Point> => {
    if (item.point) return { ...item.point, properties: { ...item.point.properties, zmin: item.zmin, zmax: item.zmax } };
    const properties: ClusterProperties = {
      id: `${options.idPrefix}${n++}`,
      point_count: item.count,
      investment: item.investment,
      expansion_zoom: item.zmax + 1,
      ids: item.ids.join(','),
      zmin: item.zmin,
      zmax: item.zmax,
    };
    return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [unprojectX(item.x), unprojectY(item.y)] } };
  });
}
