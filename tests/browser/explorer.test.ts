/**
 * The explorer as people use it, in headless Chromium: popups in both languages, the legend
 * as a filter, pinyin search, the list, a permalink round trip, a keyboard-only walk, the
 * accessibility audit (axe-core, the engine of Lighthouse's audit), downloads, and a phone.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ProjectCollection, ZoneCollection } from '../../src/data/schema.js';
import { formatMoney, statusLabel } from '../../src/data/format.js';
import { baseURL, eventCount, launch, openPage, renderedProjectIds, waitForEvent, waitForIdle } from './browser.js';

const zones = JSON.parse(readFileSync('data/zones.geojson', 'utf8')) as ZoneCollection;
const projects = JSON.parse(readFileSync('data/projects.geojson', 'utf8')) as ProjectCollection;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
mkdirSync('test-results', { recursive: true });

const EL = 'shanxi-zones-map';
const popup = (page: Page) => page.locator(`${EL} .maplibregl-popup`);

/** The focused element, looking through shadow roots. */
function deepActive(page: Page) {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a ? { tag: a.tagName.toLowerCase(), role: a.getAttribute('role'), id: a.getAttribute('data-id') } : null;
  });
}

async function select(page: Page, id: string): Promise<string> {
  await page.locator(EL).evaluate((el, v) => el.setAttribute('selected', v), id);
  await popup(page).locator(`[data-id="${id}"]`).waitFor({ timeout: 15_000 });
  return (await popup(page).textContent()) ?? '';
}

describe('the explorer on a desktop', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launch();
    ({ page, errors } = await openPage(browser, '/'));
    await waitForEvent(page, 'ready');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('passes the accessibility audit (no serious or critical axe violations)', async () => {
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  it('shows several projects\' popups with their figures in Chinese and English', async () => {
    const sample = [...projects.features]
      .sort((a, b) => (b.properties.investment_cny ?? -1) - (a.properties.investment_cny ?? -1))
      .filter((_, i) => i % 12 === 0)
      .slice(0, 4);
    for (const p of sample) {
      const zh = await select(page, p.properties.id);
      expect(zh).toContain(p.properties.name_zh);
      expect(zh).toContain(formatMoney(p.properties.investment_cny, 'zh'));
      expect(zh).toContain(statusLabel(p.properties.status, 'zh'));
    }
    await page.locator(EL).evaluate((el) => el.setAttribute('lang', 'en'));
    for (const p of sample) {
      await page.locator(EL).evaluate((el) => el.setAttribute('selected', ''));
      const en = await select(page, p.properties.id);
      expect(en).toContain(p.properties.name_en);
      expect(en).toContain(formatMoney(p.properties.investment_cny, 'en'));
      expect(en).toContain(statusLabel(p.properties.status, 'en'));
    }
    await page.screenshot({ path: 'test-results/explorer-popup-en.png' });
    await page.locator(EL).evaluate((el) => {
      el.setAttribute('lang', 'zh');
      el.setAttribute('selected', '');
    });
  });

  it('toggles an industry layer from the legend: the map and the counts follow', async () => {
    await page.locator(EL).evaluate((el) => (el as unknown as { map: { fitBounds(b: number[], o: object): void } }).map.fitBounds([110.1, 34.5, 114.6, 40.8], { animate: false }));
    await page.locator(`${EL} [role=tab]`, { hasText: '图层与筛选' }).click();
    const layer = projects.features[0]!.properties.industry;
    const others = projects.features.filter((p) => p.properties.industry !== layer).map((p) => p.properties.id).sort();
    const before = await eventCount(page, 'filter-change');
    await page.locator(`${EL} szm-legend button[data-id="${layer}"]`).click();
    await waitForEvent(page, 'filter-change', before + 1);
    await waitForIdle(page);
    expect(await renderedProjectIds(page)).toEqual(others);
    expect(await page.locator(EL).getAttribute('industries')).not.toContain(layer);
    await page.locator(`${EL} [role=tab]`, { hasText: '列表' }).click();
    expect(await page.locator(`${EL} .count`).textContent()).toContain(`${others.length} 个项目`);
    expect(await page.locator(`${EL} szm-list li[role=option].project`).count()).toBe(others.length);
    await page.locator(`${EL} [role=tab]`, { hasText: '图层与筛选' }).click();
    await page.locator(`${EL} szm-legend button[part~=all]`).click();
    await waitForEvent(page, 'filter-change', before + 2);
    await waitForIdle(page);
    expect((await renderedProjectIds(page)).length).toBe(projects.features.length);
  });

  it('finds 龙芯 by pinyin and its initials, and opens it', async () => {
    const target = projects.features.find((p) => p.properties.name_zh.includes('龙芯'))!;
    const input = page.locator(`${EL} szm-search input`);
    for (const q of ['longxin', 'lx']) {
      await input.fill(q);
      await page.locator(`${EL} szm-search li[role=option][data-id="${target.properties.id}"]`).waitFor({ timeout: 10_000 });
    }
    await page.locator(`${EL} szm-search li[role=option][data-id="${target.properties.id}"]`).click();
    await popup(page).locator(`[data-id="${target.properties.id}"]`).waitFor({ timeout: 15_000 });
    expect(await page.locator(EL).getAttribute('selected')).toBe(target.properties.id);
  });

  it('reproduces filters and selection from a permalink', async () => {
    const target = projects.features.find((p) => p.properties.investment_cny !== null)!;
    await page.locator(EL).evaluate((el, id) => {
      el.setAttribute('statuses', 'under-construction,operating');
      el.setAttribute('theme', 'dark');
      el.setAttribute('lang', 'en');
      el.setAttribute('selected', id);
    }, target.properties.id);
    await popup(page).locator(`[data-id="${target.properties.id}"]`).waitFor();
    await page.waitForFunction(() => location.search.includes('statuses='));
    const url = page.url();
    expect(url).toContain('lang=en');
    expect(url).toContain('theme=dark');
    expect(url).toContain(`selected=${target.properties.id}`);
    const second = await openPage(browser, new URL(url).pathname + new URL(url).search);
    await waitForEvent(second.page, 'ready');
    const attrs = await second.page.locator(EL).evaluate((el) => [el.getAttribute('statuses'), el.getAttribute('lang'), el.getAttribute('selected'), el.getAttribute('theme')]);
    expect(attrs).toEqual(['under-construction,operating', 'en', target.properties.id, 'dark']);
    await popup(second.page).locator(`[data-id="${target.properties.id}"]`).waitFor({ timeout: 15_000 });
    const visible = projects.features.filter((p) => ['under-construction', 'operating'].includes(p.properties.status)).length;
    expect(await second.page.locator(`${EL} .count`).textContent()).toContain(`${visible} projects`);
    await second.page.close();
    await page.locator(EL).evaluate((el) => {
      el.removeAttribute('statuses');
      el.removeAttribute('theme');
      el.setAttribute('lang', 'zh');
      el.setAttribute('selected', '');
    });
  });

  it('downloads the visible projects as CSV with a BOM', async () => {
    await page.locator(`${EL} [role=tab]`, { hasText: '列表' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`${EL} button.export`).first().click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.trim().split(/\r?\n/).length).toBe(projects.features.length + 1);
  });

  it('logged no page error', () => {
    expect(errors).toEqual([]);
  });
});

describe('a keyboard-only walk', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('goes from the search box through the list to a popup', async () => {
    const { page } = await openPage(browser, '/');
    await waitForEvent(page, 'ready');
    // Tab until the search box has focus.
    for (let i = 0; i < 10 && (await deepActive(page))?.role !== 'combobox'; i++) await page.keyboard.press('Tab');
    expect((await deepActive(page))?.role).toBe('combobox');
    await page.keyboard.type('changzhi');
    await page.locator(`${EL} szm-search li[role=option]`).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await popup(page).waitFor({ timeout: 15_000 });
    const picked = await page.locator(EL).getAttribute('selected');
    expect(zones.features.some((z) => z.properties.id === picked) || projects.features.some((p) => p.properties.id === picked)).toBe(true);
    // On through the tabs into the list, down two rows, Enter.
    for (let i = 0; i < 12 && (await deepActive(page))?.role !== 'option'; i++) await page.keyboard.press('Tab');
    expect((await deepActive(page))?.role).toBe('option');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const row = (await deepActive(page))!.id!;
    await page.keyboard.press('Enter');
    await popup(page).locator(`[data-id="${row}"]`).waitFor({ timeout: 15_000 });
    expect(await page.locator(EL).getAttribute('selected')).toBe(row);
  });
});

describe('the explorer on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('starts with the map, opens the panel as a sheet, and nothing overflows', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await page.addInitScript(() => document.addEventListener('ready', () => ((window as unknown as { __ready: boolean }).__ready = true)));
    await page.goto(new URL('/', baseURL()).href);
    await page.waitForFunction(() => (window as unknown as { __ready: boolean }).__ready, null, { timeout: 45_000 });
    const toggle = page.locator(`${EL} button.toggle`);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.screenshot({ path: 'test-results/phone-map.png' });
    await toggle.tap();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.locator(`${EL} szm-list`).waitFor();
    const overflow = await page.evaluate(() => {
      const el = document.querySelector('shanxi-zones-map')!;
      const panel = el.shadowRoot!.querySelector('.panel') as HTMLElement;
      const rect = panel.getBoundingClientRect();
      return { page: document.documentElement.scrollWidth - window.innerWidth, panelRight: rect.right - window.innerWidth, panelWide: panel.scrollWidth - panel.clientWidth, height: rect.height };
    });
    expect(overflow.page).toBeLessThanOrEqual(0);
    expect(overflow.panelRight).toBeLessThanOrEqual(0.5);
    expect(overflow.panelWide).toBeLessThanOrEqual(0);
    expect(overflow.height).toBeLessThan(844 * 0.7);
    await page.screenshot({ path: 'test-results/phone-sheet.png' });
    // A tap on a list row opens its popup.
    await page.locator(`${EL} szm-list li[role=option].project`).first().tap();
    await page.waitForFunction(() => document.querySelector('shanxi-zones-map')?.getAttribute('selected'));
    const id = await page.locator(EL).getAttribute('selected');
    expect(projects.features.some((p) => p.properties.id === id)).toBe(true);
    await popup(page).locator(`[data-id="${id}"]`).waitFor({ timeout: 15_000 });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false'); // the sheet makes way for the map
    await page.screenshot({ path: 'test-results/phone-popup.png' });
  });
});
