/**
 * <szm-about> and the exports in real headless Chromium, on the harness page
 * tests/browser/pages/about.html fed with the shipped data.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ProjectCollection, ZoneCollection } from '../../src/data/schema.js';
import { collectSources, dataAsOf } from '../../src/data/sources.js';
import { formatDate } from '../../src/data/format.js';
import { ta } from '../../src/i18n/parts-about.js';
import { prose } from '../../src/i18n/about-prose.js';
import { launch, openPage } from './browser.js';

const zones = JSON.parse(readFileSync('data/zones.geojson', 'utf8')) as ZoneCollection;
const projects = JSON.parse(readFileSync('data/projects.geojson', 'utf8')) as ProjectCollection;
const allRefs = [...new Set([...zones.features, ...projects.features].flatMap((f) => f.properties.sources.map((s) => s.ref)))];
const asOf = dataAsOf(zones.features, projects.features);

const PAGE = '/tests/browser/pages/about.html';

/** Rows of an RFC 4180 document (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

async function open(browser: Browser, query = '', width = 400): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openPage(browser, `${PAGE}${query}`, { width, height: 900 });
  await page.waitForFunction(() => (window as unknown as { __ready?: boolean; __error?: string }).__ready || (window as unknown as { __error?: string }).__error);
  expect(await page.evaluate(() => (window as unknown as { __error?: string }).__error)).toBeUndefined();
  // The prose sections come with their own chunk, loaded as the panel connects.
  await page.waitForFunction(() => document.querySelector('szm-about')!.shadowRoot!.querySelectorAll('details').length === 3);
  return { page, errors };
}

/** What the panel shows, read from its shadow root. */
function panel(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('szm-about')!.shadowRoot!;
    return {
      refs: [...root.querySelectorAll('li[part="source"]')].map((li) => li.getAttribute('data-ref')!),
      hrefs: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')!),
      asOf: root.querySelector('.as-of time')?.getAttribute('datetime') ?? null,
      asOfText: root.querySelector('.as-of time')?.textContent ?? null,
      text: root.textContent ?? '',
      images: root.querySelectorAll('img, script').length,
    };
  });
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

describe('<szm-about>', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launch();
    ({ page, errors } = await open(browser));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lists every cited source exactly once, with http(s) links only', async () => {
    const { refs, hrefs } = await panel(page);
    expect([...refs].sort()).toEqual([...allRefs].sort());
    expect(refs).toEqual(collectSources(zones.features, projects.features).map((u) => u.source.ref));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(new URL(href).protocol).toMatch(/^https?:$/);
  });

  it('shows the data’s as-of date', async () => {
    const shown = await panel(page);
    expect(asOf).not.toBe('');
    expect(shown.asOf).toBe(asOf);
    expect(shown.asOfText).toBe(formatDate(asOf, 'zh'));
    expect(shown.text).toContain(prose('zh', 'about.curation.1'));
    expect(shown.text).toContain('审图号');
  });

  it('downloads a projects CSV with a BOM, a header and one row per project', async () => {
    const { name, bytes } = await download(page, '#projects-csv');
    expect(name).toMatch(/^shanxi-projects-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows).toHaveLength(projects.features.length + 1);
    expect(rows[0]![0]).toBe('id');
    expect(rows.slice(1).map((r) => r[0])).toEqual(projects.features.map((f) => f.properties.id));
  });

  it('downloads a zones CSV with one row per zone', async () => {
    const { name, bytes } = await download(page, '#zones-csv');
    expect(name).toMatch(/^shanxi-zones-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(parseCsv(bytes.toString('utf8').slice(1))).toHaveLength(zones.features.length + 1);
  });

  it('downloads GeoJSON that parses to the same features', async () => {
    const { name, bytes } = await download(page, '#geojson');
    expect(name).toMatch(/\.geojson$/);
    const parsed = JSON.parse(bytes.toString('utf8'));
    expect(parsed.type).toBe('FeatureCollection');
    expect(parsed.features).toHaveLength(projects.features.length);
    expect(parsed.features[0].properties.id).toBe(projects.features[0]!.properties.id);
  });

  it('downloads a PNG of the map captured during its frame', async () => {
    const { name, bytes } = await download(page, '#png');
    expect(name).toMatch(/^shanxi-map-\d{4}-\d{2}-\d{2}\.png$/);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const pixel = await page.evaluate(() => (window as unknown as { __png(): Promise<number[]> }).__png());
    expect(pixel).toEqual([46, 158, 68, 255]);
    expect(errors).toEqual([]);
  });

  it('saves screenshots at 320 px (zh) and 360 px (en)', async () => {
    mkdirSync('test-results', { recursive: true });
    /** The panel's top, as a side panel of 1000 px shows it, and a stretch of its source list. */
    const shoot = async (p: Page, name: string) => {
      const box = (await p.locator('aside').boundingBox())!;
      const clip = { x: box.x, width: box.width };
      await p.screenshot({ path: `test-results/${name}.png`, fullPage: true, clip: { ...clip, y: box.y, height: Math.min(box.height, 1000) } });
      const last = (await p.locator('szm-about li[part="source"]').last().boundingBox())!;
      await p.screenshot({ path: `test-results/${name}-end.png`, fullPage: true, clip: { ...clip, y: last.y + last.height - 700, height: 720 } });
    };
    await shoot(page, 'about');
    await page.evaluate(() => {
      for (const d of document.querySelector('szm-about')!.shadowRoot!.querySelectorAll('details')) d.open = true;
    });
    await shoot(page, 'about-open');
    const en = await open(browser, '?lang=en&width=360', 440);
    await en.page.evaluate(() => {
      for (const d of document.querySelector('szm-about')!.shadowRoot!.querySelectorAll('details')) d.open = true;
    });
    await shoot(en.page, 'about-en-360');
    await en.page.close();
  });

  it('speaks English with lang=en', async () => {
    const en = await open(browser, '?lang=en');
    const shown = await panel(en.page);
    expect(shown.text).toContain(ta('en', 'about.title'));
    expect(shown.text).toContain(prose('en', 'about.placement.2'));
    expect(shown.text).not.toContain(prose('zh', 'about.curation.1'));
    expect(shown.asOfText).toBe(formatDate(asOf, 'en'));
    expect(await en.page.locator('#projects-csv').textContent()).toBe(ta('en', 'export.projectsCsv'));
    await en.page.close();
  });

  it('never links a script URL and renders markup from the data as text', async () => {
    const hostile = await open(browser, '?fixture=hostile');
    const shown = await panel(hostile.page);
    for (const href of shown.hrefs) expect(new URL(href).protocol).toMatch(/^https?:$/);
    expect(shown.refs).toContain('hostile-ref.txt');
    expect(shown.text).toContain('<img src=x onerror="window.__xss=1">');
    expect(shown.text).toContain('<b>Hostile</b>');
    expect(shown.images).toBe(0);
    const { bytes } = await download(hostile.page, '#projects-csv');
    expect(bytes.toString('utf8')).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(await hostile.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(hostile.errors).toEqual([]);
    await hostile.page.close();
  });
});
