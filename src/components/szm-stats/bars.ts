/**
 * Geometry of <szm-stats>'s horizontal bar charts, in SVG user units. Pure functions.
 *
 * Each row is a label line with its bar below it; the value is written after the bar's end,
 * in room kept free on the right, so no label ever overlaps a bar.
 */

/** Sizes of a chart, in SVG user units (the SVG is drawn at 1 unit = 1 CSS px at 300 px wide). */
export interface ChartOptions {
  width: number;
  /** Height of the label line above each bar. */
  labelHeight: number;
  barHeight: number;
  /** Space between one row's bar and the next row's label. */
  gap: number;
  /** Kept free right of the longest bar for its value. */
  valueRoom: number;
  /** The narrowest bar drawn for a value above zero, so it stays visible. */
  minBar: number;
}

export const CHART: Readonly<ChartOptions> = {
  width: 300,
  labelHeight: 15,
  barHeight: 10,
  gap: 7,
  valueRoom: 88,
  minBar: 2,
};

export interface BarGeometry {
  /** Baseline of the label text. */
  labelY: number;
  /** Top of the bar. */
  barY: number;
  /** Width of the bar; 0 for a null, zero or negative value. */
  width: number;
  /** Where the value text starts: after the bar, or at 0 when there is none. */
  valueX: number;
  /** Baseline of the value text (centred on the bar). */
  valueY: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  rows: BarGeometry[];
}

function usable(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0;
}

/**
 * Bar widths scaled so the largest value fills `maxWidth`. Null, non-finite, zero and negative
 * values get 0; any value above zero gets at least `minBar`. All zero when nothing is usable.
 */
export function barWidths(values: readonly (number | null)[], maxWidth: number, minBar = CHART.minBar): number[] {
  const max = Math.max(0, ...values.filter(usable));
  if (max === 0 || maxWidth <= 0) return values.map(() => 0);
  return values.map((v) => (usable(v) ? Math.max(Math.min(minBar, maxWidth), (v / max) * maxWidth) : 0));
}

/** The rows of a chart of `values`, top to bottom, and its total height. */
export function layoutBars(values: readonly (number | null)[], options: Partial<ChartOptions> = {}): ChartGeometry {
  const o = { ...CHART, ...options };
  const rowHeight = o.labelHeight + o.barHeight + o.gap;
  const widths = barWidths(values, o.width - o.valueRoom, o.minBar);
  const rows = widths.map((width, i) => {
    const top = i * rowHeight;
    const barY = top + o.labelHeight;
    return { labelY: barY - 4, barY, width, valueX: width > 0 ? width + 4 : 0, valueY: barY + o.barHeight - 1 };
  });
  return { width: o.width, height: Math.max(0, values.length * rowHeight - o.gap), rows };
}

/** Whether any value would draw a bar. */
export function hasBars(values: readonly (number | null)[]): boolean {
  return values.some(usable);
}

/**
 * Groups by disclosed investment (largest first, undisclosed last), then by count (largest
 * first); ties keep their order. Returns a new array.
 */
export function byInvestment<T extends { investment: number | null; count: number }>(groups: readonly T[]): T[] {
  return groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => (b.g.investment ?? -1) - (a.g.investment ?? -1) || b.g.count - a.g.count || a.i - b.i)
    .map(({ g }) => g);
}
