/**
 * <szm-legend>, <szm-filters> and <szm-stats> in real headless Chromium, on the harness page
 * tests/browser/pages/panel.html fed with the shipped data.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ProjectCollection, ZoneCollection } from '../../src/data/schema.js';
import { INDUSTRIES, INDUSTRY_IDS } from '../../src/data/industries.js';
import { emptyFilters, filterProjects, indexZones, type Filters } from '../../src/data/filter.js';
import { summarize } from '../../src/data/stats.js';
import { formatCount, formatMoney } from '../../src/data/format.js';
import { citiesPresent } from '../../src/components/szm-filters/options.js';
import { launch, openPage } from './browser.js';

const zones = JSON.parse(readFileSync('data/zones.geojson', 'utf8')) as ZoneCollection;
const projects = JSON.parse(readFileSync('data/projects.geojson', 'utf8')) as ProjectCollection;
const byId = indexZones(zones.features);
const summaryOf = (f: Partial<Filters>) => summarize(filterProjects(projects.features, byId, { ...emptyFilters(), ...f }), byId);
const all = summaryOf({});

type Recorded = { type: string; detail: unknown };
type PanelWindow = { __events: Recorded[]; __panel: { ready: boolean; filters: Filters; setLang(l: string): Promise<void> } };

const PAGE = '/tests/browser/pages/panel.html';

describe('the side-panel parts', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  /** The parts' events recorded since the last call, then forgotten. */
  const takeEvents = (type: string): Promise<unknown[]> =>
    page.evaluate((t) => {
      const w = window as unknown as PanelWindow;
      const found = w.__events.filter((e) => e.type === t).map((e) => e.detail);
      w.__events = w.__events.filter((e) => e.type !== t);
      return found;
    }, type);

  /** Lets the harness apply the last event and the parts re-render. */
  const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

  const text = async (selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

  const layer = (i: number) => page.locator('szm-legend button[part="layer"]').nth(i);

  async function reset(): Promise<void> {
    const resetButton = page.locator('szm-filters button[part="reset"]');
    if (await resetButton.isEnabled()) await resetButton.click();
    await settle();
    await takeEvents('szm-filters-change');
    await takeEvents('szm-industries-change');
  }

  beforeAll(async () => {
    browser = await launch();
    ({ page, errors } = await openPage(browser, PAGE, { width: 320, height: 900 }));
    await page.waitForFunction(() => (window as unknown as PanelWindow).__panel?.ready === true, null, { timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('labels every control and chart', async () => {
    const report = await page.evaluate(() => {
      const root = (sel: string) => document.querySelector(sel)!.shadowRoot!;
      const layers = [...root('szm-legend').querySelectorAll('button[part="layer"]')];
      const inputs = [...root('szm-filters').querySelectorAll('input')] as HTMLInputElement[];
      const fieldsets = [...root('szm-filters').querySelectorAll('fieldset')];
      const svgs = [...root('szm-stats').querySelectorAll('svg')];
      return {
        layers: layers.map((b) => [b.getAttribute('aria-pressed'), b.textContent!.trim() !== '']),
        unlabelled: inputs.filter((i) => i.labels === null || i.labels.length === 0).length,
        legends: fieldsets.map((f) => f.querySelector('legend')?.textContent?.trim() ?? ''),
        svgs: svgs.map((s) => [s.getAttribute('role'), s.getAttribute('aria-label') ?? '']),
        tables: root('szm-stats').querySelectorAll('table').length,
      };
    });
    expect(report.layers).toHaveLength(10);
    for (const [pressed, named] of report.layers) expect([pressed, named]).toEqual(['true', true]);
    expect(report.unlabelled).toBe(0);
    expect(report.legends).toHaveLength(4);
    for (const legend of report.legends) expect(legend).not.toBe('');
    expect(report.svgs.length).toBeGreaterThanOrEqual(2);
    for (const [role, label] of report.svgs) {
      expect(role).toBe('img');
      expect(label).not.toBe('');
    }
    expect(report.tables).toBe(3);
    expect(errors).toEqual([]);
  });

  describe('<szm-legend>', () => {
    it('lists the 10 layers in order with the counts and investment of the data', async () => {
      const rows = await page.locator('szm-legend button[part="layer"]').allTextContents();
      expect(rows).toHaveLength(10);
      rows.forEach((row, i) => {
        const ind = INDUSTRIES[i]!;
        const g = all.byIndustry.find((x) => x.id === ind.id)!;
        const t = row.replace(/\s+/g, ' ');
        expect(t).toContain(ind.zh);
        expect(t).toContain(`${formatCount(g.count, 'zh')} 个项目`);
        if (g.count > 0) expect(t).toContain(formatMoney(g.investment, 'zh'));
        if (g.investment !== null && g.undisclosed > 0) expect(t).toContain(`${g.undisclosed} 个未披露`);
      });
      const empty = all.byIndustry.findIndex((g) => g.count === 0);
      if (empty >= 0) expect(await layer(empty).getAttribute('class')).toContain('empty');
    });

    it('emits the shown layers when one is clicked, and [] when all are shown again', async () => {
      await layer(0).click();
      expect(await takeEvents('szm-industries-change')).toEqual([{ industries: INDUSTRY_IDS.slice(1) }]);
      await settle();
      expect(await layer(0).getAttribute('aria-pressed')).toBe('false');
      await layer(0).click();
      expect(await takeEvents('szm-industries-change')).toEqual([{ industries: [] }]);
    });

    it('None emits ["none"] and hides everything; All emits []', async () => {
      await page.locator('szm-legend button[part="none"]').click();
      expect(await takeEvents('szm-industries-change')).toEqual([{ industries: ['none'] }]);
      await settle();
      const pressed = await page.locator('szm-legend button[part="layer"][aria-pressed="true"]').count();
      expect(pressed).toBe(0);
      expect(await text('szm-stats [part="empty"]')).toBe('没有符合当前筛选条件的项目');
      // From none, a click shows just that layer.
      await layer(2).click();
      expect(await takeEvents('szm-industries-change')).toEqual([{ industries: [INDUSTRY_IDS[2]] }]);
      await page.locator('szm-legend button[part="all"]').click();
      expect(await takeEvents('szm-industries-change')).toEqual([{ industries: [] }]);
      await settle();
    });

    it('toggles with the keyboard (focus, then Space or Enter)', async () => {
      await layer(1).focus();
      await page.keyboard.press('Space');
      expect(await takeEvents('szm-industries-change')).toEqual([
        { industries: INDUSTRY_IDS.filter((id) => id !== INDUSTRY_IDS[1]) },
      ]);
      await settle();
      await page.keyboard.press('Enter');
      expect(await takeEvents('szm-industries-change')).toEqual([{ industries: [] }]);
      await settle();
    });
  });

  describe('<szm-filters>', () => {
    it('emits only statuses for a status toggle, and the stats follow', async () => {
      await page.locator('szm-filters input[name="statuses"][value="under-construction"]').click();
      expect(await takeEvents('szm-filters-change')).toEqual([{ filters: { statuses: ['under-construction'] } }]);
      await settle();
      const s = summaryOf({ statuses: ['under-construction'] });
      expect(await text('szm-stats [part="totals"]')).toContain(`${s.count} 个项目`);
      await reset();
    });

    it('emits only cities for a city choice', async () => {
      const city = citiesPresent(zones.features)[0]!;
      await page.locator('szm-filters summary').click();
      await page.locator(`szm-filters input[name="cities"][value="${city}"]`).click();
      expect(await takeEvents('szm-filters-change')).toEqual([{ filters: { cities: [city] } }]);
      await settle();
      await reset();
    });

    it('emits the range in yuan (10 亿元 → 1e9), refuses min > max, and clears', async () => {
      await page.locator('szm-filters #min').fill('abc');
      await page.locator('szm-filters #min').press('Enter');
      expect(await text('szm-filters [part="error"]')).toBe('请输入数字');
      expect(await page.locator('szm-filters #min').getAttribute('aria-invalid')).toBe('true');
      await layer(0).click(); // another filter changing keeps the message
      await settle();
      expect(await text('szm-filters [part="error"]')).toBe('请输入数字');
      await layer(0).click();
      await settle();
      await takeEvents('szm-industries-change');
      await page.locator('szm-filters #min').fill('10');
      await page.locator('szm-filters #min').press('Enter');
      expect(await takeEvents('szm-filters-change')).toEqual([{ filters: { investmentMin: 1e9 } }]);
      await settle();
      await page.locator('szm-filters #max').fill('5');
      await page.locator('szm-filters #max').press('Enter');
      expect(await takeEvents('szm-filters-change')).toEqual([]);
      expect(await text('szm-filters [part="error"]')).toBe('最低值不能大于最高值');
      await page.locator('szm-filters #max').fill('-1');
      await page.locator('szm-filters #max').press('Enter');
      expect(await text('szm-filters [part="error"]')).toBe('金额不能为负数');
      await page.locator('szm-filters button.clear').click();
      expect(await takeEvents('szm-filters-change')).toEqual([{ filters: { investmentMin: null } }]);
      await settle();
      expect(await page.locator('szm-filters #max').inputValue()).toBe('');
    });

    it('Reset sends back every changed key', async () => {
      await page.locator('szm-filters input[name="levels"]').first().click();
      await layer(0).click();
      await settle();
      await takeEvents('szm-filters-change');
      await page.locator('szm-filters button[part="reset"]').click();
      const [detail] = (await takeEvents('szm-filters-change')) as { filters: Partial<Filters> }[];
      expect(detail).toEqual({ filters: { industries: [], levels: [] } });
      await settle();
      expect(await page.locator('szm-filters button[part="reset"]').isDisabled()).toBe(true);
    });
  });

  describe('<szm-stats>', () => {
    it('shows the totals summarize() gives for the data', async () => {
      const totals = await text('szm-stats [part="totals"]');
      expect(totals).toContain(`${formatCount(all.count, 'zh')} 个项目，已披露投资合计 ${formatMoney(all.investmentTotal, 'zh')}`);
      if (all.withoutInvestment > 0) expect(totals).toContain(`其中 ${all.withoutInvestment} 个未披露投资额`);
      const bars = await page.locator('szm-stats .by-industry rect.bar').count();
      expect(bars).toBe(all.byIndustry.filter((g) => g.count > 0).length);
      const cityRows = await page.locator('szm-stats .by-city tbody tr').count();
      expect(cityRows).toBe(all.byCity.length);
    });
  });

  describe('lang="en"', () => {
    it('switches the labels and the range unit', async () => {
      await page.evaluate(() => (window as unknown as PanelWindow).__panel.setLang('en'));
      const legend = (await page.locator('szm-legend').textContent()) ?? '';
      const rows = (await page.locator('szm-legend button[part="layer"]').allTextContents()).join(' ');
      for (const ind of INDUSTRIES) expect(rows).toContain(ind.en);
      expect(legend).not.toContain('个项目');
      if (all.byIndustry.some((g) => g.count > 0 && g.investment === null)) expect(rows).toContain('not disclosed');
      expect(await text('szm-filters fieldset.investment legend')).toBe('Investment (CNY bn)');
      expect(await text('szm-stats [part="totals"]')).toContain(`${all.count} projects, disclosed investment ${formatMoney(all.investmentTotal, 'en')}`);
      await page.locator('szm-filters #min').fill('1');
      await page.locator('szm-filters #min').press('Enter');
      expect(await takeEvents('szm-filters-change')).toEqual([{ filters: { investmentMin: 1e9 } }]);
      await settle();
      await reset();
      await page.evaluate(() => (window as unknown as PanelWindow).__panel.setLang('zh'));
    });
  });

  describe('layout', () => {
    /** Elements (through shadow roots) whose right edge passes the panel's. */
    const overflowing = () =>
      page.evaluate(() => {
        const panel = document.querySelector('.panel')!.getBoundingClientRect();
        const out: string[] = [];
        const walk = (root: ParentNode) => {
          for (const el of root.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.width > 0 && r.right > panel.right + 0.5 && !el.closest('.sr-only')) out.push(`${el.tagName}.${el.getAttribute('class') ?? ''}`);
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document);
        return out;
      });

    it('fits a 320 px panel and a 360 px phone, and is screenshot', async () => {
      mkdirSync('test-results', { recursive: true });
      await page.locator('szm-filters summary').click(); // show the cities too
      expect(await overflowing()).toEqual([]);
      await page.screenshot({ path: 'test-results/panel.png', fullPage: true });
      await page.setViewportSize({ width: 360, height: 900 });
      await page.evaluate(() => ((document.querySelector('.panel') as HTMLElement).style.width = '100%'));
      await page.evaluate(() => (window as unknown as PanelWindow).__panel.setLang('en'));
      expect(await overflowing()).toEqual([]);
      await page.screenshot({ path: 'test-results/panel-360-en.png', fullPage: true });
      expect(errors).toEqual([]);
    });
  });
});
