/**
 * Offline: every request that would leave this machine is refused at the browser context, and
 * the explorer is still complete: ready, every tab, the search, a popup, a CSV download.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseURL, isLocal, launch } from '../browser/browser.js';
import { guardedPage, renderedCounts, waitForEvents, type GuardedPage } from './support.js';

const ZONES = JSON.parse(readFileSync('data/zones.geojson', 'utf8')) as { features: unknown[] };
const PROJECTS = JSON.parse(readFileSync('data/projects.geojson', 'utf8')) as { features: { properties: { id: string; name_zh: string } }[] };
const EL = 'shanxi-zones-map';

describe('offline: nothing but localhost answers', () => {
  let browser: Browser;
  let context: BrowserContext;
  let g: GuardedPage;
  let page: Page;
  const blocked: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (isLocal(u)) return route.continue();
      blocked.push(u);
      return route.abort('internetdisconnected');
    });
    g = await guardedPage(context);
    page = g.page;
    await page.goto(new URL('/', baseURL()).href);
    await waitForEvents(page, 'ready');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('reaches ready with every zone and project drawn, and asked for nothing outside', async () => {
    expect(await renderedCounts(page)).toEqual({ zones: ZONES.features.length, projects: PROJECTS.features.length });
    expect(blocked).toEqual([]);
  });

  it('renders every tab', async () => {
    for (const [tab, part] of [['layers', 'szm-legend'], ['stats', 'szm-stats'], ['about', 'szm-about'], ['list', 'szm-list']] as const) {
      await page.locator(`${EL} #tab-${tab}`).click();
      await expect
        .poll(() => page.locator(`${EL} ${part}`).evaluate((el) => (el.shadowRoot?.textContent ?? '').trim().length), { timeout: 10_000 })
        .toBeGreaterThan(20);
    }
  });

  it('searches, and a result opens its popup', async () => {
    const target = PROJECTS.features[0]!.properties;
    await page.locator(`${EL} szm-search input`).fill(target.name_zh);
    const option = page.locator(`${EL} szm-search [role=option][data-id="${target.id}"]`);
    await option.click();
    const popup = page.locator(`${EL} .maplibregl-popup [data-id="${target.id}"]`);
    await popup.waitFor({ timeout: 10_000 });
    expect(await popup.textContent()).toContain(target.name_zh);
  });

  it('downloads the projects as CSV', async () => {
    await page.locator(`${EL} #tab-list`).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 15_000 }),
      page.locator(`${EL} button.export`).first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\n').length).toBeGreaterThan(PROJECTS.features.length);
  });

  it('never tried to leave localhost, and logged no error', () => {
    expect(blocked).toEqual([]);
    expect(g.requests.filter((r) => !isLocal(r))).toEqual([]);
    expect(g.errors).toEqual([]);
  });
});
