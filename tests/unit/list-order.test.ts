import { describe, expect, it } from 'vitest';
import { OrderCache, OrderedItems, orderBy, projectOrder, sortProjects, visibleInOrder, visiblePositions } from '../../src/components/szm-list/sort.js';
import type { ProjectFeature } from '../../src/data/schema.js';
import { makeProject } from './factories.js';

const ids = (fs: ProjectFeature[]) => fs.map((f) => f.properties.id);

describe('orderBy', () => {
  it('orders by key, largest first and null last; equal keys by name, then id', () => {
    const keys = [5, null, 9, 5, null, 5];
    const names = ['b', 'a', 'z', 'a', 'c', 'a'];
    const idList = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
    expect([...orderBy(keys, names, idList, 'en')]).toEqual([2, 3, 5, 0, 1, 4]);
  });

  it('orders string keys (dates) newest first, and by name alone without keys', () => {
    expect([...orderBy(['2021', '2021-08', null, '2025'], ['a', 'b', 'c', 'd'], ['1', '2', '3', '4'], 'en')]).toEqual([3, 1, 0, 2]);
    expect([...orderBy(null, ['中', '阿', '北'], ['1', '2', '3'], 'zh')]).toEqual([1, 2, 0]);
    expect([...orderBy(null, [], [], 'zh')]).toEqual([]);
  });
});

describe('visibleInOrder', () => {
  const all = ['a', 'b', 'c', 'd', 'e'];
  const order = Int32Array.from([4, 2, 0, 3, 1]); // e c a d b

  it('keeps the visible items in the order of all, whatever their own order', () => {
    expect(visibleInOrder(all, order, ['b', 'a', 'e'])).toEqual(['e', 'a', 'b']);
    expect(visibleInOrder(all, order, all)).toEqual(['e', 'c', 'a', 'd', 'b']);
    expect(visibleInOrder(all, order, [])).toEqual([]);
  });

  it('says null when an item is not in all', () => {
    expect(visibleInOrder(all, order, ['a', 'x'])).toBeNull();
    expect(visibleInOrder(all, order, ['x'])).toBeNull();
    expect(visibleInOrder(all, order, ['e', 'x', 'a'])).toBeNull();
  });

  it('gives the same answer for a subset in the order of all (the filters keep it) as for one out of order', () => {
    const inOrder = ['a', 'c', 'd'];
    expect(visibleInOrder(all, order, inOrder)).toEqual(['c', 'a', 'd']);
    expect(visibleInOrder(all, order, ['d', 'a', 'c'])).toEqual(['c', 'a', 'd']);
    expect(visibleInOrder(all, order, ['e'])).toEqual(['e']);
  });

  it('matches sorting the subset on its own', () => {
    const projects = Array.from({ length: 300 }, (_, i) =>
      makeProject(`p${i}`, { name_zh: `项目${(i * 37) % 100}`, investment_cny: i % 4 ? ((i * 7919) % 50) * 1e6 : null, status_date: `20${10 + (i % 12)}` }),
    );
    const subset = projects.filter((_, i) => i % 3 !== 1).reverse();
    for (const sort of ['investment', 'date', 'name'] as const) {
      for (const lang of ['zh', 'en'] as const) {
        expect(ids(visibleInOrder(projects, projectOrder(projects, sort, lang), subset)!)).toEqual(ids(sortProjects(subset, sort, lang)));
      }
    }
  });
});

describe('OrderCache', () => {
  it('computes an order once per collection and key', () => {
    const cache = new OrderCache<string>();
    const items = ['a', 'b'];
    let computed = 0;
    const compute = () => (computed++, Int32Array.from([1, 0]));
    const first = cache.get(items, 'name zh', compute);
    expect(cache.get(items, 'name zh', compute)).toBe(first);
    cache.get(items, 'name en', compute);
    expect(computed).toBe(2);
    cache.get(['a', 'b'], 'name zh', compute); // another collection: start again
    expect(computed).toBe(3);
  });
});

describe('visiblePositions and OrderedItems', () => {
  const all = ['a', 'b', 'c', 'd', 'e'];
  const order = Int32Array.from([4, 2, 0, 3, 1]); // e c a d b

  it('gives positions into all, in its order, and reads the items through them', () => {
    const positions = visiblePositions(all, order, ['b', 'a', 'e'])!;
    expect([...positions]).toEqual([4, 0, 1]);
    const rows = new OrderedItems(all, positions);
    expect(rows.length).toBe(3);
    expect([rows.at(0), rows.at(1), rows.at(2), rows.at(3), rows.at(-1)]).toEqual(['e', 'a', 'b', undefined, undefined]);
    expect(rows.findIndex((x) => x === 'b')).toBe(2);
    expect(rows.findIndex((x) => x === 'c')).toBe(-1);
  });

  it('counts an item listed twice once, and says null for an item not in all', () => {
    expect([...visiblePositions(all, order, ['d', 'd', 'c'])!]).toEqual([2, 3]);
    expect(visiblePositions(all, order, ['a', 'x'])).toBeNull();
  });
});

describe('sorting 100k projects', () => {
  it('orders all once, then a filtered subset in a single pass', () => {
    const projects = Array.from({ length: 100_000 }, (_, i) =>
      makeProject(`syn-${i}`, { name_en: `Synthetic project ${i}`, investment_cny: i % 10 < 3 ? null : ((i * 7919) % 100_000) * 1e4, status_date: '2021' }),
    );
    const order = projectOrder(projects, 'investment', 'en');
    const half = projects.filter((_, i) => i % 2 === 0);
    const t0 = performance.now();
    const visible = visibleInOrder(projects, order, half)!;
    const ms = performance.now() - t0;
    expect(visible).toHaveLength(50_000);
    expect(visible[0]!.properties.investment_cny).toBe(Math.max(...half.map((p) => p.properties.investment_cny ?? 0)));
    expect(ms).toBeLessThan(500);
  });
});
