import { describe, expect, it } from 'vitest';
import { barWidths, byInvestment, CHART, hasBars, layoutBars } from '../../src/components/szm-stats/bars.js';

describe('bar geometry', () => {
  it('scales bars to the largest value', () => {
    expect(barWidths([50, 100, 25], 200)).toEqual([100, 200, 50]);
  });

  it('draws nothing for null, zero, negative or non-finite values, and never a hairline', () => {
    expect(barWidths([null, 0, -5, NaN, Infinity, 100], 200)).toEqual([0, 0, 0, 0, 0, 200]);
    expect(barWidths([1, 10_000], 200)).toEqual([CHART.minBar, 200]);
    expect(barWidths([null, null], 200)).toEqual([0, 0]);
    expect(barWidths([], 200)).toEqual([]);
    expect(hasBars([null, 0])).toBe(false);
    expect(hasBars([null, 3])).toBe(true);
  });

  it('lays rows out top to bottom with room for the value on the right', () => {
    const g = layoutBars([10, 5, null]);
    const row = CHART.labelHeight + CHART.barHeight + CHART.gap;
    expect(g.width).toBe(CHART.width);
    expect(g.height).toBe(3 * row - CHART.gap);
    expect(g.rows.map((r) => r.barY)).toEqual([CHART.labelHeight, CHART.labelHeight + row, CHART.labelHeight + 2 * row]);
    expect(g.rows[0]!.width).toBe(CHART.width - CHART.valueRoom);
    expect(g.rows[0]!.valueX).toBe(CHART.width - CHART.valueRoom + 4);
    expect(g.rows[2]!.valueX).toBe(0);
    for (const r of g.rows) expect(r.labelY).toBeLessThan(r.barY);
    expect(layoutBars([]).height).toBe(0);
  });

  it('orders groups by disclosed investment, undisclosed last, then count, stably', () => {
    const groups = [
      { id: 'a', investment: null, count: 9 },
      { id: 'b', investment: 5, count: 1 },
      { id: 'c', investment: 7, count: 1 },
      { id: 'd', investment: null, count: 1 },
      { id: 'e', investment: 5, count: 3 },
    ];
    expect(byInvestment(groups).map((g) => g.id)).toEqual(['c', 'e', 'b', 'a', 'd']);
  });
});
