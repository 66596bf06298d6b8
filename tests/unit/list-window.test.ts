import { describe, expect, it } from 'vitest';
import { groupSlots, listHeight, rowAt, rowTop, rowWindow, type ListGeometry } from '../../src/components/szm-list/window.js';

// 3 zones of 40 px, 1000 projects of 60 px, headings of 20 px: zones' group 0–140, projects' 140–60160.
const g: ListGeometry = { zones: 3, projects: 1000, zoneRow: 40, projectRow: 60, heading: 20 };

describe('list geometry', () => {
  it('places rows after their group heading, zones first', () => {
    expect(rowTop(g, 0)).toBe(20);
    expect(rowTop(g, 2)).toBe(100);
    expect(rowTop(g, 3)).toBe(160); // 140 + the projects' heading
    expect(rowTop(g, 1002)).toBe(160 + 999 * 60);
    expect(listHeight(g)).toBe(140 + 20 + 1000 * 60);
  });

  it('finds the row at a height; a heading counts as its first row; clamps to the group and the list', () => {
    expect(rowAt(g, 0)).toBe(0);
    expect(rowAt(g, 59)).toBe(0);
    expect(rowAt(g, 60)).toBe(1);
    expect(rowAt(g, 139)).toBe(2);
    expect(rowAt(g, 140)).toBe(3);
    expect(rowAt(g, 160 + 60 * 10 + 5)).toBe(13);
    expect(rowAt(g, 1e9)).toBe(1002);
    expect(rowAt(g, -50)).toBe(0);
    for (const i of [0, 1, 2, 3, 500, 1002]) expect(rowAt(g, rowTop(g, i))).toBe(i);
  });

  it('works without zones or without projects', () => {
    const onlyProjects = { ...g, zones: 0 };
    expect(rowTop(onlyProjects, 0)).toBe(20);
    expect(rowAt(onlyProjects, 25)).toBe(0);
    expect(listHeight(onlyProjects)).toBe(20 + 60000);
    const onlyZones = { ...g, projects: 0 };
    expect(rowAt(onlyZones, 1e6)).toBe(2);
    expect(listHeight(onlyZones)).toBe(140);
    expect(rowAt({ ...g, zones: 0, projects: 0 }, 100)).toBe(0);
  });

  it('renders the visible rows plus the overscan, within the list', () => {
    // 600 px visible from the top of the projects' rows: rows 3…12.
    expect(rowWindow(g, 160, 760, 15, 0)).toEqual([0, 28]);
    expect(rowWindow(g, 160 + 60 * 500, 160 + 60 * 510, 15, 0)).toEqual([503 - 15, 513 + 15]);
    expect(rowWindow(g, 1e9, 1e9 + 600, 15, 0)).toEqual([1002 - 15, 1003]);
    // About 40 rows for a list of ~10 visible rows.
    const [start, end] = rowWindow(g, 30000, 30600);
    expect(end - start).toBeGreaterThan(30);
    expect(end - start).toBeLessThan(50);
  });

  it('renders every row of a short list', () => {
    expect(rowWindow({ ...g, projects: 100 }, 5000, 5600)).toEqual([0, 103]);
    expect(rowWindow(g, 0, 600, 15, 2000)).toEqual([0, 1003]);
  });
});

describe('groupSlots', () => {
  it('fills the rows left out with gaps before and after', () => {
    expect(groupSlots(3, 1000, [10, 13])).toEqual([{ gap: 7, before: 10 }, { row: 10 }, { row: 11 }, { row: 12 }, { gap: 990, before: -1 }]);
    expect(groupSlots(0, 3, [0, 3])).toEqual([{ row: 0 }, { row: 1 }, { row: 2 }]);
  });

  it('leaves a group out of the window as one gap', () => {
    expect(groupSlots(0, 3, [500, 540])).toEqual([{ gap: 3, before: -1 }]);
  });

  it('keeps the pinned (focusable) row rendered wherever it is', () => {
    expect(groupSlots(3, 1000, [10, 12], 1002)).toEqual([
      { gap: 7, before: 10 }, { row: 10 }, { row: 11 }, { gap: 990, before: 1002 }, { row: 1002 },
    ]);
    expect(groupSlots(3, 1000, [500, 501], 3)).toEqual([{ row: 3 }, { gap: 496, before: 500 }, { row: 500 }, { gap: 502, before: -1 }]);
    // Inside the window, or in the other group: nothing extra.
    expect(groupSlots(3, 1000, [10, 12], 11)).toEqual([{ gap: 7, before: 10 }, { row: 10 }, { row: 11 }, { gap: 991, before: -1 }]);
    expect(groupSlots(0, 3, [10, 12], 500)).toEqual([{ gap: 3, before: -1 }]);
  });

  it('accounts for every row of the group exactly once', () => {
    for (const [range, pinned] of [[[0, 40], -1], [[100, 140], 7], [[980, 1003], 3], [[0, 0], 500]] as const) {
      const slots = groupSlots(3, 1000, range, pinned);
      const total = slots.reduce((n, s) => n + ('row' in s ? 1 : s.gap), 0);
      expect(total).toBe(1000);
    }
  });
});
