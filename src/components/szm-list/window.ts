/**
 * Geometry of the virtual list: which rows to render for a scroll position. Pure functions, no
 * DOM: tested in node.
 *
 * The list is one flat sequence of fixed-height items: the zones' heading, the zone rows, the
 * projects' heading, the project rows (a group with no rows has no heading). A zone row has two
 * lines and a project row three, so each group has its own row height. Rows are numbered 0…n-1
 * across both groups, zones first; positions are px from the top of the list's content.
 */

/** Height of a zone row, in em of the list's font. Shared by the styles and the code. */
export const ZONE_ROW_EM = 3.5;
/** Height of a project row, in em of the list's font. Shared by the styles and the code. */
export const PROJECT_ROW_EM = 4.5;
/** Height of a group's heading, in em of the list's font. Shared by the styles and the code. */
export const HEADING_EM = 2;
/** Rows rendered above and below the visible ones. */
export const OVERSCAN = 15;
/** Lists up to this many rows render every row (find-in-page works, nothing to save). */
export const FULL_LIST_MAX = 200;

export interface ListGeometry {
  /** Zone rows (the first group). */
  zones: number;
  /** Project rows (the second group). */
  projects: number;
  /** A zone row's height in px. */
  zoneRow: number;
  /** A project row's height in px. */
  projectRow: number;
  /** A heading's height in px. */
  heading: number;
}

/** Rows `[start, end)`. */
export type RowRange = readonly [start: number, end: number];

/** The zones' group height: heading and rows, or nothing when it has no rows. */
function zonesHeight(g: ListGeometry): number {
  return g.zones > 0 ? g.heading + g.zones * g.zoneRow : 0;
}

/** Height of the whole list. */
export function listHeight(g: ListGeometry): number {
  return zonesHeight(g) + (g.projects > 0 ? g.heading + g.projects * g.projectRow : 0);
}

/** Top of row `i`. */
export function rowTop(g: ListGeometry, i: number): number {
  return i < g.zones ? g.heading + i * g.zoneRow : zonesHeight(g) + g.heading + (i - g.zones) * g.projectRow;
}

/** The row at height `y` (a heading counts as its group's first row), clamped to the list. */
export function rowAt(g: ListGeometry, y: number): number {
  const n = g.zones + g.projects;
  if (n === 0) return 0;
  const split = zonesHeight(g);
  if (y < split || g.projects === 0) return Math.max(0, Math.min(g.zones - 1, Math.floor((y - g.heading) / g.zoneRow)));
  return Math.max(g.zones, Math.min(n - 1, g.zones + Math.floor((y - split - g.heading) / g.projectRow)));
}

/**
 * The rows to render when `[top, bottom)` is visible: the rows it touches plus `overscan` on
 * each side, within the list. Every row when the list has at most `full` rows.
 */
export function rowWindow(g: ListGeometry, top: number, bottom: number, overscan = OVERSCAN, full = FULL_LIST_MAX): RowRange {
  const n = g.zones + g.projects;
  if (n <= full) return [0, n];
  const first = rowAt(g, top);
  const last = rowAt(g, Math.max(top, bottom - 1));
  return [Math.max(0, first - overscan), Math.min(n, last + 1 + overscan)];
}

/** A run of rows left out (drawn as one spacer), or a rendered row. */
export type Slot = { gap: number; before: number } | { row: number };

/**
 * What a group renders: its rows `[first, first + count)` that are in `range`, plus `pinned`
 * (the focusable row, kept rendered wherever it is) when it is in the group, with a gap slot
 * (`gap` rows, `before` the next rendered row or -1 at the end) for each run left out.
 */
export function groupSlots(first: number, count: number, range: RowRange, pinned = -1): Slot[] {
  const end = first + count;
  const from = Math.max(first, range[0]);
  const to = Math.min(end, range[1]);
  const rows: number[] = [];
  if (pinned >= first && pinned < end && (pinned < from || pinned >= to)) rows.push(pinned);
  for (let i = from; i < to; i++) rows.push(i);
  rows.sort((a, b) => a - b);
  const slots: Slot[] = [];
  let next = first;
  for (const row of rows) {
    if (row > next) slots.push({ gap: row - next, before: row });
    slots.push({ row });
    next = row + 1;
  }
  if (end > next) slots.push({ gap: end - next, before: -1 });
  return slots;
}
