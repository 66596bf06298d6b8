/**
 * A browser without WebGL: the element says the map cannot be drawn, and the rest of the
 * explorer (the list, the search, the statistics, the sources) still works on the data.
 * WebGL is taken away in an init script (getContext returns null for every WebGL kind).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, launch } from '../browser/browser.js';
import { t } from '../../src/i18n/strings.js';
import { events, guardedPage, type GuardedPage } from './support.js';

const ZONES = JSON.parse(readFileSync('data/zones.geojson', 'utf8')) as { features: { properties: { id: string; name_zh: string } }[] };
const PROJECTS = JSON.parse(readFileSync('data/projects.geojson', 'utf8')) as { features: { properties: { id: string; name_zh: string } }[] };
const EL = 'shanxi-zones-map';

describe('without WebGL', () => {
  let browser: Browser;
  let g: GuardedPage;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    g = await guardedPage(browser);
    page = g.page;
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
        if (/webgl/i.test(kind)) return null;
        return (original as (...a: unknown[]) => RenderingContext | null).call(this, kind, ...rest);
      } as typeof original;
    });
    await page.goto(new URL('/', baseURL()).href);
    await page.locator(`${EL} [role=alert]`).waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows that the map cannot be drawn, and says so in a load-error event', async () => {
    const alert = (await page.locator(`${EL} [role=alert]`).textContent()) ?? '';
    expect(alert).toContain(t('zh', 'map.noWebgl'));
    const errs = await events(page, 'load-error');
    expect(errs.at(-1)?.detail.message).toBe(t('zh', 'map.noWebgl'));
    expect(g.errors.filter((e) => !/WebGL|webgl/.test(e))).toEqual([]);
  });

  it('still lists every zone and project', async () => {
    await expect
      .poll(() => page.locator(`${EL} szm-list [role=option]`).count(), { timeout: 5_000 })
      .toBe(ZONES.features.length + PROJECTS.features.length);
  });

  it('still searches, and picking a result selects it', async () => {
    const target = PROJECTS.features[0]!.properties;
    await page.locator(`${EL} szm-search input`).fill(target.name_zh);
    const option = page.locator(`${EL} szm-search [role=option][data-id="${target.id}"]`);
    await option.waitFor({ timeout: 5_000 });
    await option.click();
    await expect.poll(() => page.locator(EL).getAttribute('selected')).toBe(target.id);
    expect(g.errors.filter((e) => !/WebGL|webgl/.test(e))).toEqual([]);
  });

  it('still shows the statistics and the sources', async () => {
    await page.locator(`${EL} szm-search input`).fill(''); // no results pop-up over the tabs
    await page.locator(`${EL} szm-search input`).press('Escape');
    await page.locator(`${EL} #tab-about`).click({ timeout: 5_000 });
    await expect.poll(() => page.locator(`${EL} szm-about [part=source]`).count(), { timeout: 10_000 }).toBeGreaterThan(10);
    await page.locator(`${EL} #tab-stats`).click({ timeout: 5_000 });
    // (the host's own textContent is empty: the charts live in its shadow root)
    await expect
      .poll(() => page.locator(`${EL} szm-stats`).evaluate((el) => el.shadowRoot?.textContent?.trim().length ?? 0))
      .toBeGreaterThan(0);
    const text = await page.locator(`${EL} szm-stats`).evaluate((el) => el.shadowRoot?.textContent ?? '');
    expect(text).toMatch(/\d/);
  });
});
