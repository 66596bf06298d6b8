/**
 * <shanxi-zones-map> on pages with a strict Content-Security-Policy: no 'unsafe-inline', no
 * 'unsafe-eval'. Lit's styles are adopted stylesheets and MapLibre's and Lit's inline styles
 * are set through the CSSOM, neither of which style-src governs; MapLibre's worker is a module
 * from the page's origin, or, when the library is on another origin, a blob: module that
 * imports it (so worker-src then needs blob: and the library's origin).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { STRICT_CSP } from '../../scripts/static-server.js';
import { launch, openPage, waitForEvent } from './browser.js';
import { eventDetails, examplesURL } from './embed-helpers.js';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

/** Records every `securitypolicyviolation` in `window.__violations`. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: Violation[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: `${e.sourceFile}:${e.lineNumber}` }),
    );
  });
}

const violations = (page: Page): Promise<Violation[]> =>
  page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations);

async function open(browser: Browser, path: string): Promise<{ page: Page; csp: string | undefined; errors: string[] }> {
  const { page, errors } = await openPage(browser, 'about:blank');
  await recordViolations(page);
  const response = await page.goto(new URL(path, examplesURL()).href);
  return { page, csp: response?.headers()['content-security-policy'], errors };
}

describe('a strict Content-Security-Policy', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the library on the page’s own origin: ready, and no violation', async () => {
    const { page, csp, errors } = await open(browser, 'csp.html');
    expect(csp).toBe(STRICT_CSP);
    expect(csp).not.toMatch(/unsafe|blob:/);
    await waitForEvent(page, 'ready');
    // Open a popup and the list too: more inline styles (CSSOM) and Lit templates.
    await page.evaluate(() => document.querySelector('shanxi-zones-map')!.setAttribute('selected', 'changzhi-htz'));
    await page.locator('shanxi-zones-map .maplibregl-popup').waitFor({ timeout: 15_000 });
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the library from another origin: ready with blob: and the library origin in worker-src, and no violation', async () => {
    const { page, csp } = await open(browser, 't/csp-cross.html');
    expect(csp).toMatch(/worker-src 'self' blob: http:\/\/127\.0\.0\.1:\d+;/);
    await waitForEvent(page, 'ready');
    expect((await eventDetails(page, 'ready')).length).toBe(1);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('the library from another origin without blob: in worker-src: the worker is blocked', async () => {
    const { page } = await open(browser, 't/csp-cross-noblob.html');
    await page.waitForFunction(() => (window as unknown as { __violations: Violation[] }).__violations.length > 0, null, { timeout: 30_000 });
    const seen = await violations(page);
    expect(seen.map((v) => v.directive)).toContain('worker-src');
    expect(seen.every((v) => v.directive === 'worker-src' && v.blocked === 'blob')).toBe(true);
    await page.close();
  });
});
