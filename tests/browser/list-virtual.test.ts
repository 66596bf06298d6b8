/**
 * <szm-list> with 20,000 projects in real headless Chromium: only the rows in view are in the
 * DOM, and the listbox still behaves as one list of every row (ARIA sizes and positions, keys,
 * selection, sorting, filtering). On the harness page tests/browser/pages/find.html, whose
 * `?many=` repeats the shipped projects.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ZoneCollection } from '../../src/data/schema.js';
import { launch, openPage } from './browser.js';

const zones = JSON.parse(readFileSync('data/zones.geojson', 'utf8')) as ZoneCollection;
const MANY = 20_000;
const PAGE = `/tests/browser/pages/find.html?many=${MANY}`;

type Recorded = { type: string; detail: { kind: string | null; id: string | null } };

/** What the list shows now: its options, its focused row, its box. */
async function snapshot(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('szm-list')!.shadowRoot!;
    const box = root.querySelector<HTMLElement>('.box')!;
    const options = [...root.querySelectorAll<HTMLElement>('[role=option]')];
    const focused = root.activeElement as HTMLElement | null;
    const b = box.getBoundingClientRect();
    const inView = (el: Element | null) => {
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.top >= b.top - 1 && r.bottom <= b.bottom + 1 && r.height > 0;
    };
    const pick = (el: HTMLElement | null) =>
      el && {
        id: el.dataset.id!,
        kind: el.classList.contains('zone') ? 'zone' : 'project',
        posinset: Number(el.getAttribute('aria-posinset')),
        setsize: Number(el.getAttribute('aria-setsize')),
        tabindex: el.getAttribute('tabindex'),
        inView: inView(el),
      };
    return {
      options: options.length,
      tabStops: options.filter((o) => o.tabIndex === 0).length,
      zoneSetsize: Number(root.querySelector('.row.zone')?.getAttribute('aria-setsize') ?? 0),
      projectSetsize: Number(root.querySelector('.row.project')?.getAttribute('aria-setsize') ?? 0),
      focused: pick(focused?.matches('[role=option]') ? focused : null),
      visible: options.filter(inView).map(pick),
      scrollHeight: box.scrollHeight,
      clientHeight: box.clientHeight,
    };
  });
}

/** Scrolls the list's box to the projects' heading and waits for their rows. */
async function scrollToProjects(page: Page): Promise<void> {
  await page.locator('szm-list .box').evaluate((box) => {
    box.scrollTop = (box.querySelector('#h-projects')!.parentElement as HTMLElement).offsetTop - (box as HTMLElement).offsetTop;
  });
  await page.locator('szm-list .row.project[aria-posinset="1"]').waitFor({ timeout: 5_000 });
}

describe('szm-list, virtual', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  const events = (type: string) =>
    page.evaluate((t) => (window as unknown as { __events: Recorded[] }).__events.filter((e) => e.type === t).map((e) => e.detail), type);

  beforeAll(async () => {
    browser = await launch();
    ({ page, errors } = await openPage(browser, PAGE, { width: 900, height: 900 }));
    await page.waitForFunction(() => (window as unknown as { __find?: { ready: boolean } }).__find?.ready === true, null, { timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders a few dozen options for 20,000 projects, sized for all of them', async () => {
    const s = await snapshot(page);
    expect(s.options).toBeGreaterThan(5);
    expect(s.options).toBeLessThan(100);
    expect(s.tabStops).toBe(1);
    expect(s.zoneSetsize).toBe(zones.features.length);
    expect(s.visible.length).toBeGreaterThan(3);
    expect(s.visible[0]).toMatchObject({ kind: 'zone', posinset: 1 });
    await scrollToProjects(page);
    expect((await snapshot(page)).projectSetsize).toBe(MANY);
    await page.locator('szm-list .box').evaluate((box) => (box.scrollTop = 0));
    // The scrollbar is for every row: a project row is at least 3 lines high.
    expect(s.scrollHeight).toBeGreaterThan(MANY * 50);
    expect(await page.locator('szm-list #h-projects').textContent()).toBe(`项目（${MANY}）`);
    expect(errors).toEqual([]);
  });

  it('walks every row with the keys: End, Home, arrows and pages reach unrendered rows and focus them', async () => {
    await page.locator('szm-list [role=option]').first().focus();
    await page.keyboard.press('End');
    let s = await snapshot(page);
    expect(s.focused).toMatchObject({ kind: 'project', posinset: MANY, setsize: MANY, tabindex: '0', inView: true });
    expect(s.options).toBeLessThan(100);
    expect(s.tabStops).toBe(1);

    await page.keyboard.press('ArrowUp');
    expect((await snapshot(page)).focused).toMatchObject({ posinset: MANY - 1, inView: true });
    await page.keyboard.press('PageUp');
    s = await snapshot(page);
    expect(s.focused!.posinset).toBeLessThan(MANY - 3);
    expect(s.focused!.inView).toBe(true);
    const afterPage = s.focused!.posinset;
    await page.keyboard.press('PageDown');
    expect((await snapshot(page)).focused!.posinset).toBeGreaterThan(afterPage);

    await page.keyboard.press('Home');
    s = await snapshot(page);
    expect(s.focused).toMatchObject({ kind: 'zone', posinset: 1, inView: true });
    // Across the groups: the last zone, then the first project.
    for (let i = 1; i < zones.features.length; i++) await page.keyboard.press('ArrowDown');
    expect((await snapshot(page)).focused).toMatchObject({ kind: 'zone', posinset: zones.features.length });
    await page.keyboard.press('ArrowDown');
    s = await snapshot(page);
    expect(s.focused).toMatchObject({ kind: 'project', posinset: 1, inView: true });

    await page.evaluate(() => ((window as unknown as { __events: Recorded[] }).__events.length = 0));
    await page.keyboard.press('Enter');
    expect(await events('szm-pick')).toEqual([{ kind: 'project', id: s.focused!.id }]);
  });

  it('keeps the focused row when the list scrolls away from it, so Tab comes back to it', async () => {
    const focused = (await snapshot(page)).focused!;
    await page.locator('szm-list .box').evaluate((box) => (box.scrollTop = box.scrollHeight / 2));
    await page.waitForFunction(() => {
      const root = document.querySelector('szm-list')!.shadowRoot!;
      return [...root.querySelectorAll('[role=option]')].some((o) => Number(o.getAttribute('aria-posinset')) > 9000);
    });
    const s = await snapshot(page);
    expect(s.options).toBeLessThan(100);
    expect(s.visible.every((v) => v!.posinset > 9000 && v!.posinset < 11000)).toBe(true);
    expect(s.focused).toMatchObject({ id: focused.id, tabindex: '0' });
    // Hover and click work on rows rendered by the scroll.
    const middle = s.visible[2]!;
    await page.evaluate(() => ((window as unknown as { __events: Recorded[] }).__events.length = 0));
    await page.locator(`szm-list [data-id="${middle.id}"]`).click();
    expect((await events('szm-hover')).at(-1)).toEqual({ kind: 'project', id: middle.id });
    expect(await events('szm-pick')).toEqual([{ kind: 'project', id: middle.id }]);
  });

  it('sorts by name over every project', async () => {
    await page.locator('szm-list select').selectOption('name');
    // The reference: the smallest name by the pinyin collator, ties by id, computed in the page.
    const expected = await page.evaluate(() => {
      const list = document.querySelector('szm-list')!;
      const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin', { numeric: true });
      let best = list.projects[0]!.properties;
      for (const { properties: p } of list.projects) {
        const c = collator.compare(p.name_zh, best.name_zh);
        if (c < 0 || (c === 0 && p.id < best.id)) best = p;
      }
      return best.id;
    });
    await scrollToProjects(page);
    expect(await page.locator('szm-list .row.project[aria-posinset="1"]').getAttribute('data-id')).toBe(expected);
  });

  it('scrolls a selected row deep in the list into view and marks it', async () => {
    // The last project by name (the list is sorted by name now).
    const deep = await page.evaluate(() => {
      const list = document.querySelector('szm-list')!;
      const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin', { numeric: true });
      let last = list.projects[0]!.properties;
      for (const { properties: p } of list.projects) {
        const c = collator.compare(p.name_zh, last.name_zh);
        if (c > 0 || (c === 0 && p.id > last.id)) last = p;
      }
      return last.id;
    });
    await page.locator('szm-list .box').evaluate((box) => (box.scrollTop = 0));
    await expect.poll(() => page.locator(`szm-list [data-id="${deep}"]`).count()).toBe(0);
    await page.evaluate(async (id) => {
      const list = document.querySelector('szm-list')!;
      list.selected = id;
      await list.updateComplete;
    }, deep);
    const row = page.locator(`szm-list [data-id="${deep}"]`);
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute('aria-selected')).toBe('true');
    expect(await row.getAttribute('part')).toContain('selected');
    expect(await row.getAttribute('tabindex')).toBe('0');
    const s = await snapshot(page);
    expect(s.visible.find((v) => v!.id === deep)).toMatchObject({ inView: true });
    expect(s.visible.find((v) => v!.id === deep)!.posinset).toBe(MANY);
    expect(s.options).toBeLessThan(100);

    await page.evaluate((id) => (document.querySelector('szm-list')!.highlighted = id), deep);
    await expect.poll(() => row.getAttribute('part')).toContain('highlighted');
  });

  it('derives a filtered order from allProjects without losing the order; zone counts follow the listed projects', async () => {
    const result = await page.evaluate(async () => {
      const list = document.querySelector('szm-list')!;
      const all = list.projects;
      list.allProjects = all;
      list.sort = 'investment';
      await list.updateComplete;
      const zoneId = all[0]!.properties.zone_id;
      const subset = all.filter((p, i) => p.properties.zone_id === zoneId && i % 2 === 0);
      list.projects = subset;
      await list.updateComplete;
      const root = list.shadowRoot!;
      root.querySelector<HTMLElement>('.box')!.scrollTop = 0;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      await list.updateComplete;
      const zoneRow = root.querySelector<HTMLElement>(`.row.zone[data-id="${zoneId}"]`);
      return {
        count: subset.length,
        heading: root.querySelector('#h-projects')!.textContent,
        zoneMeta: zoneRow?.querySelector('.meta')?.textContent ?? null,
        zonePos: Number(zoneRow?.getAttribute('aria-posinset')),
      };
    });
    expect(result.heading).toBe(`项目（${result.count}）`);
    // Sorted by investment, the only zone with listed projects comes first and counts them.
    expect(result.zonePos).toBe(1);
    expect(result.zoneMeta).toContain(`${result.count} 个项目`);
    await scrollToProjects(page);
    expect((await snapshot(page)).projectSetsize).toBe(result.count);
    // The listed projects in the order of all of them: investment, largest first, undisclosed last.
    const investments = await page.evaluate(() => {
      const list = document.querySelector('szm-list')!;
      const byId = new Map(list.projects.map((p) => [p.properties.id, p.properties.investment_cny]));
      const rows = [...list.shadowRoot!.querySelectorAll<HTMLElement>('.row.project')];
      return rows.map((r) => byId.get(r.dataset.id!) ?? null);
    });
    expect(investments.length).toBeGreaterThan(5);
    expect(investments).toEqual([...investments].sort((a, b) => (a === null ? 1 : b === null ? -1 : b - a)));
    await page.evaluate(async () => {
      const list = document.querySelector('szm-list')!;
      list.projects = list.allProjects!;
      await list.updateComplete;
    });
    expect((await snapshot(page)).projectSetsize).toBe(MANY);
  });

  it('virtualises inside a scrolling ancestor when --szm-list-max-height is none (the element panel)', async () => {
    await page.evaluate(async () => {
      const list = document.querySelector('szm-list')!;
      const scroller = document.createElement('div');
      scroller.id = 'scroller';
      scroller.style.cssText = 'height: 500px; overflow: auto';
      list.style.setProperty('--szm-list-max-height', 'none');
      list.before(scroller);
      scroller.append(list);
      list.selected = '';
      await list.updateComplete;
    });
    const scroller = page.locator('#scroller');
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight * 0.4));
    await page.waitForFunction(() => {
      const root = document.querySelector('szm-list')!.shadowRoot!;
      return [...root.querySelectorAll('[role=option]')].some((o) => Number(o.getAttribute('aria-posinset')) > 7000);
    });
    const s = await page.evaluate(() => {
      const scroller = document.querySelector('#scroller')!.getBoundingClientRect();
      const root = document.querySelector('szm-list')!.shadowRoot!;
      const options = [...root.querySelectorAll('[role=option]')];
      const shown = options.filter((o) => {
        const r = o.getBoundingClientRect();
        return r.bottom > scroller.top && r.top < scroller.bottom;
      });
      return { options: options.length, shown: shown.length, box: root.querySelector('.box')!.clientHeight };
    });
    expect(s.box).toBeGreaterThan(MANY * 50); // the box is not the scroller here
    expect(s.options).toBeLessThan(100);
    expect(s.shown).toBeGreaterThanOrEqual(7); // 500 px of rows, all rendered
    expect(errors).toEqual([]);
  });
});
