/**
 * <szm-search> and <szm-list> in real headless Chromium, on the harness page
 * tests/browser/pages/find.html fed with the shipped data.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ProjectCollection, ZoneCollection } from '../../src/data/schema.js';
import { zoneShortName } from '../../src/data/format.js';
import { launch, openPage } from './browser.js';
import { tf } from '../../src/i18n/parts-find.js';

const zones = JSON.parse(readFileSync('data/zones.geojson', 'utf8')) as ZoneCollection;
const projects = JSON.parse(readFileSync('data/projects.geojson', 'utf8')) as ProjectCollection;

/** The project named with 龙芯 (else the first project), and queries that must find it. */
const target = (projects.features.find((p) => p.properties.name_zh.includes('龙芯')) ?? projects.features[0]!).properties;
const head = [...target.name_zh].slice(0, 2).join('');
const headPinyin = pinyin(head, { toneType: 'none', type: 'array' }) as string[];
const full = headPinyin.join(''); // longxin
const initials = headPinyin.map((s) => s[0]).join(''); // lx
const enPrefix = target.name_en.split(/\s+/)[0]!.slice(0, 5); // Loong
/** The zones of 长治 (Changzhi), found first by `changzhi`. */
const changzhiZones = zones.features.filter((z) => z.properties.name_zh.startsWith('长治')).map((z) => z.properties.id);

const disclosed = new Map(projects.features.map((p) => [p.properties.id, p.properties.investment_cny]));

type Recorded = { type: string; detail: { kind: string | null; id: string | null } };

const PAGE = '/tests/browser/pages/find.html';

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __find?: { ready: boolean } }).__find?.ready === true, null, {
    timeout: 30_000,
  });
}

async function events(page: Page, type: string): Promise<Recorded['detail'][]> {
  return page.evaluate(
    (t) => (window as unknown as { __events: Recorded[] }).__events.filter((e) => e.type === t).map((e) => e.detail),
    type,
  );
}

async function clearEvents(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __events: Recorded[] }).__events.length = 0));
}

const optionIds = (page: Page) => page.locator('szm-search [role=option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
const rowIds = (page: Page, kind: 'zone' | 'project') =>
  page.locator(`szm-list .row.${kind}`).evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
const input = (page: Page) => page.locator('szm-search input');

async function typeQuery(page: Page, q: string): Promise<void> {
  await input(page).fill(q);
}

describe('szm-search and szm-list', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launch();
    ({ page, errors } = await openPage(browser, PAGE, { width: 900, height: 900 }));
    await ready(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('exposes a labelled combobox and a labelled, grouped listbox with one tab stop', async () => {
    const box = input(page);
    expect(await box.getAttribute('role')).toBe('combobox');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await box.getAttribute('aria-autocomplete')).toBe('list');
    expect(await box.getAttribute('aria-activedescendant')).toBeNull();
    const controls = await box.getAttribute('aria-controls');
    expect(await page.locator(`szm-search #${controls}`).getAttribute('role')).toBe('listbox');
    expect(await page.locator('szm-search label[for=input]').textContent()).toBe('搜索开发区或项目');
    expect(await box.getAttribute('placeholder')).toBe(tf('zh', 'search.placeholder'));

    const list = page.locator('szm-list [role=listbox]');
    expect(await list.getAttribute('aria-label')).toBe('开发区与项目');
    expect(await page.locator('szm-list [role=group]').count()).toBe(2);
    expect(await page.locator('szm-list #h-zones').textContent()).toBe(`开发区（${zones.features.length}）`);
    expect(await page.locator('szm-list #h-projects').textContent()).toBe(`项目（${projects.features.length}）`);
    expect(await page.locator('szm-list [role=option]').count()).toBe(zones.features.length + projects.features.length);
    expect(await page.locator('szm-list [role=option][tabindex="0"]').count()).toBe(1);
    expect(await page.locator('szm-list label[for=sort]').textContent()).toBe('排序');
  });

  it.each([full, initials, initials.toUpperCase(), head, enPrefix])('finds %s', async (q) => {
    await typeQuery(page, q);
    await expect.poll(() => optionIds(page)).toContain(target.id);
    expect(await input(page).getAttribute('aria-expanded')).toBe('true');
  });

  it('finds the Changzhi zones first by changzhi, and says how many results there are', async () => {
    expect(changzhiZones.length).toBeGreaterThan(0);
    await typeQuery(page, 'changzhi');
    await expect.poll(async () => (await optionIds(page)).slice(0, changzhiZones.length).sort()).toEqual([...changzhiZones].sort());
    const first = page.locator('szm-search [role=option]').first();
    expect(await first.locator('.tag').textContent()).toBe('开发区');
    await expect.poll(() => page.locator('szm-search [role=status]').textContent()).toMatch(/^找到 \d+ 个结果/);
    // A project result names its zone.
    await typeQuery(page, full);
    await expect.poll(() => optionIds(page)).toContain(target.id);
    const opt = page.locator(`szm-search [role=option][data-id="${target.id}"]`);
    expect(await opt.locator('.tag').textContent()).toBe('项目');
    const zone = zones.features.find((z) => z.properties.id === target.zone_id)!.properties;
    expect(await opt.locator('.zone-of').textContent()).toBe(zoneShortName(zone, 'zh'));
  });

  it('moves with arrows, Home and End; Enter picks; Escape closes, a second Escape clears', async () => {
    const box = input(page);
    await typeQuery(page, 'changzhi');
    await expect.poll(async () => changzhiZones.includes((await optionIds(page))[0]!)).toBe(true);
    const ids = await optionIds(page);
    expect(ids.length).toBeGreaterThan(2);
    await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe('opt-0');
    expect(await page.locator('szm-search #opt-0').getAttribute('aria-selected')).toBe('true');
    await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe('opt-1');
    expect(await page.locator('szm-search #opt-0').getAttribute('aria-selected')).toBe('false');
    await box.press('End');
    expect(await box.getAttribute('aria-activedescendant')).toBe(`opt-${ids.length - 1}`);
    await box.press('Home');
    expect(await box.getAttribute('aria-activedescendant')).toBe('opt-0');
    await box.press('ArrowUp'); // wraps
    expect(await box.getAttribute('aria-activedescendant')).toBe(`opt-${ids.length - 1}`);
    await box.press('ArrowDown');
    await box.press('ArrowDown');
    await clearEvents(page);
    await box.press('Enter');
    const zone = zones.features.find((z) => z.properties.id === ids[1]);
    const picked = (zone ?? projects.features.find((p) => p.properties.id === ids[1])!).properties;
    expect(await events(page, 'szm-pick')).toEqual([{ kind: zone ? 'zone' : 'project', id: picked.id }]);
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await box.getAttribute('aria-activedescendant')).toBeNull();
    expect(await box.inputValue()).toBe(picked.name_zh);

    await typeQuery(page, 'changzhi');
    await expect.poll(() => box.getAttribute('aria-expanded')).toBe('true');
    await box.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('szm-search [role=listbox]').isVisible()).toBe(false);
    expect(await box.inputValue()).toBe('changzhi');
    await box.press('Escape');
    expect(await box.inputValue()).toBe('');
  });

  it('picks with the mouse, and shows a "no results" state', async () => {
    await typeQuery(page, full);
    await expect.poll(() => optionIds(page)).toContain(target.id);
    await clearEvents(page);
    await page.locator(`szm-search [role=option][data-id="${target.id}"]`).click();
    expect(await events(page, 'szm-pick')).toEqual([{ kind: 'project', id: target.id }]);
    expect(await input(page).inputValue()).toBe(target.name_zh);

    await typeQuery(page, 'qqqxqqq');
    await expect.poll(() => page.locator('szm-search [part=empty]').isVisible()).toBe(true);
    expect(await input(page).getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('szm-search [role=status]').textContent()).toBe('没有找到结果');
    await input(page).press('Escape');
    await input(page).press('Escape');
  });

  it('sorts by investment (largest disclosed first, undisclosed last), date and name', async () => {
    const ids = await rowIds(page, 'project');
    const values = ids.map((id) => disclosed.get(id) ?? null);
    const firstNull = values.indexOf(null);
    const known = values.slice(0, firstNull === -1 ? undefined : firstNull) as number[];
    expect(known[0]).toBe(Math.max(...[...disclosed.values()].filter((v): v is number => v !== null)));
    expect(known).toEqual([...known].sort((a, b) => b - a));
    if (firstNull !== -1) expect(values.slice(firstNull).every((v) => v === null)).toBe(true);

    await clearEvents(page);
    await page.locator('szm-list select').selectOption('name');
    expect(await page.locator('szm-list').getAttribute('sort')).toBe('name');
    expect((await events(page, 'change')).length).toBe(1);
    const names = (await rowIds(page, 'project')).map((id) => projects.features.find((p) => p.properties.id === id)!.properties.name_zh);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-Hans-CN-u-co-pinyin', { numeric: true }).compare));

    await page.locator('szm-list select').selectOption('date');
    const dates = (await rowIds(page, 'project')).map((id) => projects.features.find((p) => p.properties.id === id)!.properties.status_date);
    expect(dates).toEqual([...dates].sort().reverse());

    await page.evaluate(() => {
      document.querySelector('szm-list')!.sort = 'investment';
    });
    expect(await page.locator('szm-list select').inputValue()).toBe('investment');
  });

  it('can be used with the keyboard alone: search, pick, then walk the list and pick', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.locator('#status').click();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('szm-search');
    await page.keyboard.type(full);
    await expect.poll(() => optionIds(page)).toContain(target.id);
    const index = (await optionIds(page)).indexOf(target.id);
    await clearEvents(page);
    for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await events(page, 'szm-pick')).toEqual([{ kind: 'project', id: target.id }]);

    // The harness selects what is picked: the list's tab stop moves to that row.
    await page.keyboard.press('Tab'); // the sort select
    expect(await page.evaluate(() => document.querySelector('szm-list')!.shadowRoot!.activeElement?.localName)).toBe('select');
    await page.keyboard.press('Tab'); // into the list
    const focusedId = () => page.evaluate(() => document.querySelector('szm-list')!.shadowRoot!.activeElement?.getAttribute('data-id'));
    expect(await focusedId()).toBe(target.id);
    const row = page.locator(`szm-list [data-id="${target.id}"]`);
    expect(await row.getAttribute('aria-selected')).toBe('true');

    const order = [...(await rowIds(page, 'zone')), ...(await rowIds(page, 'project'))];
    const at = order.indexOf(target.id);
    await clearEvents(page);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await focusedId()).toBe(order[at + 3]);
    expect(await page.locator('szm-list [role=option][tabindex="0"]').getAttribute('data-id')).toBe(order[at + 3]);
    const hovers = await events(page, 'szm-hover');
    expect(hovers.map((h) => h.id)).toEqual(order.slice(at + 1, at + 4));
    await page.keyboard.press('Enter');
    expect(await events(page, 'szm-pick')).toEqual([{ kind: 'project', id: order[at + 3] }]);

    await page.keyboard.press('Home');
    expect(await focusedId()).toBe(order[0]);
    await page.keyboard.press('End');
    expect(await focusedId()).toBe(order[order.length - 1]);
    await page.keyboard.press('PageUp');
    const afterPageUp = order.indexOf((await focusedId())!);
    expect(afterPageUp).toBeLessThan(order.length - 2);
    await clearEvents(page);
    await page.keyboard.press(' ');
    expect(await events(page, 'szm-pick')).toEqual([{ kind: 'project', id: order[afterPageUp] }]);
    await page.keyboard.press('Tab'); // out of the list
    expect((await events(page, 'szm-hover')).at(-1)).toEqual({ kind: null, id: null });
  });

  it('emits szm-hover on pointer over a row and on leaving; shows the map highlight', async () => {
    await page.locator('szm-list .box').evaluate((el) => (el.scrollTop = 0));
    const first = (await rowIds(page, 'zone'))[0]!;
    await clearEvents(page);
    await page.locator(`szm-list [data-id="${first}"]`).hover();
    expect((await events(page, 'szm-hover')).at(-1)).toEqual({ kind: 'zone', id: first });
    await page.mouse.move(880, 880);
    expect((await events(page, 'szm-hover')).at(-1)).toEqual({ kind: null, id: null });

    await page.evaluate((id) => {
      document.querySelector('szm-list')!.highlighted = id;
    }, target.id);
    const row = page.locator(`szm-list [data-id="${target.id}"]`);
    expect(await row.getAttribute('part')).toContain('highlighted');
    expect(await row.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('scrolls the selected row into view when `selected` changes', async () => {
    const last = (await rowIds(page, 'project')).at(-1)!;
    await page.locator('szm-list .box').evaluate((el) => (el.scrollTop = 0));
    await page.evaluate(async (id) => {
      const list = document.querySelector('szm-list')!;
      list.selected = id;
      await list.updateComplete;
    }, last);
    const visible = await page.locator(`szm-list [data-id="${last}"]`).evaluate((row) => {
      const box = row.closest('.box')!.getBoundingClientRect();
      const r = row.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    });
    expect(visible).toBe(true);
    expect(await page.locator(`szm-list [data-id="${last}"]`).getAttribute('aria-selected')).toBe('true');
  });

  it('switches labels with lang="en"', async () => {
    await page.evaluate(() => (window as unknown as { __find: { setLang(l: string): Promise<void> } }).__find.setLang('en'));
    expect(await page.locator('szm-search').getAttribute('lang')).toBe('en');
    expect(await input(page).getAttribute('placeholder')).toBe(tf('en', 'search.placeholder'));
    expect(await page.locator('szm-list label[for=sort]').textContent()).toBe('Sort by');
    expect(await page.locator('szm-list select option').allTextContents()).toEqual(['Investment', 'Status date', 'Name']);
    expect(await page.locator('szm-list #h-zones').textContent()).toBe(`Zones (${zones.features.length})`);
    expect(await page.locator(`szm-list [data-id="${target.id}"] .name`).textContent()).toBe(target.name_en);
    await typeQuery(page, initials);
    await expect.poll(() => optionIds(page)).toContain(target.id);
    const opt = page.locator(`szm-search [role=option][data-id="${target.id}"]`);
    expect(await opt.locator('.name').textContent()).toBe(target.name_en);
    expect(await opt.locator('.tag').textContent()).toBe('Project');
    expect(await opt.locator('.alt').getAttribute('lang')).toBe('zh');
  });

  it('looks right at 320 px in the panel and on a 360 px phone', async () => {
    mkdirSync('test-results', { recursive: true });
    await page.evaluate(() => (window as unknown as { __find: { setLang(l: string): Promise<void> } }).__find.setLang('zh'));
    await page.setViewportSize({ width: 700, height: 760 });
    await page.evaluate(async () => {
      const list = document.querySelector('szm-list')!;
      list.selected = '';
      await list.updateComplete;
      // Show the projects' heading at the top of the list, below the open search results.
      const box = list.shadowRoot!.querySelector<HTMLElement>('.box')!;
      box.scrollTop = list.shadowRoot!.querySelector<HTMLElement>('#h-projects')!.parentElement!.offsetTop - box.offsetTop;
    });
    await typeQuery(page, 'lx');
    await expect.poll(() => optionIds(page)).toContain(target.id);
    await input(page).press('ArrowDown');
    await page.screenshot({ path: 'test-results/find.png' });
    const overflow = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('szm-search, szm-list')].some((el) => {
          const host = el.getBoundingClientRect();
          return [...el.shadowRoot!.querySelectorAll('*')].some((c) => {
            const r = c.getBoundingClientRect();
            return r.width > 0 && r.right > host.right + 1;
          });
        }),
      );
    expect(await overflow()).toBe(false);
    await input(page).press('Escape');

    const phone = await openPage(browser, `${PAGE}?lang=en`, { width: 360, height: 740 });
    await ready(phone.page);
    await phone.page.locator('szm-search input').fill('chang');
    await expect.poll(() => optionIds(phone.page).then((ids) => ids.length)).toBeGreaterThan(0);
    await phone.page.screenshot({ path: 'test-results/find-360.png' });
    await phone.page.locator('szm-search input').press('Escape');
    await phone.page.evaluate(async ([sel, hl]) => {
      const list = document.querySelector('szm-list')!;
      list.selected = sel!;
      list.highlighted = hl!;
      await list.updateComplete;
    }, [target.id, projects.features.find((p) => p.properties.id !== target.id)!.properties.id]);
    await phone.page.screenshot({ path: 'test-results/find-360-list.png' });
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(phone.errors).toEqual([]);
    await phone.page.close();
  });

  it('renders and walks ~1000 rows quickly, with only the rows in view in the DOM', async () => {
    const big = await openPage(browser, `${PAGE}?many=1000`, { width: 900, height: 900 });
    await ready(big.page);
    expect(await big.page.locator('szm-list [role=option]').count()).toBeLessThan(100);
    expect(await big.page.locator('szm-list #h-projects').textContent()).toBe('项目（1000）');
    const ms = await big.page.evaluate(() => (window as unknown as { __find: { listRenderMs: number } }).__find.listRenderMs);
    console.info(`1000-row list rendered in ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(1500);
    await big.page.locator('szm-list .row').first().focus();
    const t0 = Date.now();
    for (let i = 0; i < 20; i++) await big.page.keyboard.press('ArrowDown');
    await big.page.keyboard.press('End');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(await big.page.evaluate(() => document.querySelector('szm-list')!.shadowRoot!.activeElement?.getAttribute('data-i'))).toBe(
      String(zones.features.length + 999),
    );
    expect(big.errors).toEqual([]);
    await big.page.close();
  });

  it('loads search.ts and pinyin-pro only when the box is first used', async () => {
    const fresh = await openPage(browser, PAGE);
    await ready(fresh.page);
    const scripts = () => fresh.requests.filter((u) => u.endsWith('.js'));
    const before = scripts();
    await fresh.page.locator('szm-search input').focus();
    await expect.poll(() => scripts().length).toBeGreaterThan(before.length);
    await fresh.page.locator('szm-search input').fill(full);
    await expect.poll(() => optionIds(fresh.page)).toContain(target.id);
    expect(fresh.errors).toEqual([]);
    await fresh.page.close();
    expect(errors).toEqual([]);
  });
});
