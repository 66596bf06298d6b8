/**
 * Popups stay inside the map: text without a break point (a name, a note, a source's title at
 * the longest the validator allows) wraps within the popup's width, and a popup opened through
 * `selected` in a short or narrow element fits in the element, its content scrolling.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseURL } from '../browser/browser.js';
import { NAME_MAX, TEXT_MAX } from '../../src/data/validate.js';
import { mountElements, robustnessSuite } from './support.js';

const ZONES_TEXT = readFileSync('data/zones.geojson', 'utf8');
const PROJECTS_TEXT = readFileSync('data/projects.geojson', 'utf8');
const EL = 'shanxi-zones-map';

type Props = Record<string, any>;

/** The first zone and project with every free-text field at its longest, in one unbroken word. */
function longData(): { zones: string; projects: string; zoneId: string; projectId: string } {
  const zones = JSON.parse(ZONES_TEXT);
  const z: Props = zones.features[0].properties;
  Object.assign(z, { name_en: 'M'.repeat(NAME_MAX), name_zh: '长'.repeat(NAME_MAX) });
  Object.assign(z, { county: 'C'.repeat(TEXT_MAX), location_note_en: 'N'.repeat(TEXT_MAX), location_note_zh: '注'.repeat(TEXT_MAX) });
  if (z.figures?.[0]) Object.assign(z.figures[0], { label_en: 'L'.repeat(TEXT_MAX), label_zh: '标'.repeat(TEXT_MAX) });
  Object.assign(z.sources[0], { publisher: 'P'.repeat(TEXT_MAX), title: 'T'.repeat(TEXT_MAX) });
  const projects = JSON.parse(PROJECTS_TEXT);
  const p: Props = projects.features[0].properties;
  Object.assign(p, { name_en: 'W'.repeat(NAME_MAX), name_zh: '长'.repeat(NAME_MAX), company_en: 'Q'.repeat(NAME_MAX) });
  Object.assign(p, { location_note_en: 'N'.repeat(TEXT_MAX), location_note_zh: '注'.repeat(TEXT_MAX) });
  Object.assign(p.sources[0], { publisher: 'P'.repeat(TEXT_MAX), title: 'T'.repeat(TEXT_MAX) });
  for (const h of p.history ?? []) Object.assign(h, { note_en: 'H'.repeat(TEXT_MAX), note_zh: '史'.repeat(TEXT_MAX) });
  return { zones: JSON.stringify(zones), projects: JSON.stringify(projects), zoneId: z.id, projectId: p.id };
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Selects a feature through the attribute, waits for the flight to end, and measures. */
async function openBySelected(page: Page, id: string, lang = 'en') {
  return page.evaluate(
    async ({ sel, id, lang }) => {
      const el = document.querySelector(sel) as HTMLElement & { updateComplete: Promise<boolean>; map: { isMoving(): boolean } };
      el.setAttribute('lang', lang);
      el.setAttribute('selected', id);
      await el.updateComplete;
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, 100));
      while (el.map.isMoving() && performance.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const root = el.shadowRoot!;
      const box = (e: Element): Box => {
        const r = e.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      };
      const popup = root.querySelector('.maplibregl-popup');
      const content = root.querySelector<HTMLElement>('.maplibregl-popup-content');
      if (!popup || !content) return null;
      // Every line of the content (rows, headings, list items) against the content's box.
      const cbox = box(content);
      const outside = [...content.querySelectorAll('h3, dt, dd, li, p, q, a, span')]
        .filter((e) => e.getClientRects().length > 0)
        .filter((e) => box(e).right > cbox.right + 1 || box(e).left < cbox.left - 1)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${Math.round(box(e).left)}–${Math.round(box(e).right)}`);
      return {
        id: content.querySelector('[data-id]')?.getAttribute('data-id'),
        popup: box(popup),
        host: box(el),
        content: { scrollWidth: content.scrollWidth, clientWidth: content.clientWidth, scrollHeight: content.scrollHeight, clientHeight: content.clientHeight },
        outside: outside.slice(0, 5),
      };
    },
    { sel: EL, id, lang },
  );
}

describe('popups stay inside the map', () => {
  const suite = robustnessSuite({ width: 1280, height: 900 });
  const long = longData();

  beforeAll(async () => {
    suite.url.longZones = suite.server.put('/long/zones.geojson', long.zones);
    suite.url.longProjects = suite.server.put('/long/projects.geojson', long.projects);
    await suite.page.goto(new URL('/', baseURL()).href);
  });

  describe('long unbroken text wraps within the popup', () => {
    beforeAll(async () => {
      const [out] = await mountElements(suite.page, [{ 'zones-src': suite.url.longZones, 'projects-src': suite.url.longProjects, lang: 'en' }], {
        style: 'display:block;width:1200px;height:760px',
        timeout: 30_000,
      });
      expect(out!.type, JSON.stringify(out!.detail)).toBe('ready');
    });

    for (const [kind, lang] of [['project', 'en'], ['zone', 'en'], ['zone', 'zh'], ['project', 'zh']] as const) {
      it(`a ${kind}'s popup in ${lang}`, async () => {
        const id = kind === 'zone' ? long.zoneId : long.projectId;
        const m = await openBySelected(suite.page, id, lang);
        expect(m?.id).toBe(id);
        expect(m!.content.scrollWidth, 'the content is no wider than its box').toBeLessThanOrEqual(m!.content.clientWidth + 1);
        expect(m!.outside, 'no row runs past the content').toEqual([]);
      });
    }
  });

  describe('a popup opened through `selected` fits in a short or narrow element', () => {
    for (const [data, height, width] of [['shipped', 600, 1000], ['long', 600, 1000], ['shipped', 420, 1000], ['long', 600, 300]] as const) {
      it(`${data} data, an element ${width} × ${height} px`, async () => {
        const attrs: Record<string, string> = data === 'long' ? { 'zones-src': suite.url.longZones!, 'projects-src': suite.url.longProjects! } : {};
        const [out] = await mountElements(suite.page, [attrs], { style: `display:block;width:${width}px;height:${height}px`, timeout: 30_000 });
        expect(out!.type).toBe('ready');
        for (const id of [data === 'long' ? long.projectId : 'cz-loongson-xinchuang-park', long.zoneId]) {
          const m = await openBySelected(suite.page, id, 'zh');
          expect(m?.id).toBe(id);
          const { popup, host } = m!;
          expect(popup.top, `${id}: top`).toBeGreaterThanOrEqual(host.top - 1);
          expect(popup.bottom, `${id}: bottom`).toBeLessThanOrEqual(host.bottom + 1);
          expect(popup.left).toBeGreaterThanOrEqual(host.left - 1);
          expect(popup.right).toBeLessThanOrEqual(host.right + 1);
          // What does not fit scrolls, rather than being cut off.
          if (m!.content.scrollHeight > m!.content.clientHeight) expect(m!.content.clientHeight).toBeGreaterThan(100);
        }
      });
    }
  });

  it('a failed first load in a small element (200 × 240 px): the message fits in it, above the panel\'s sheet (found by hand)', async () => {
    const [out] = await mountElements(suite.page, [{ 'projects-src': '/does-not-exist.geojson', lang: 'en' }], { style: 'display:block;width:200px;height:150px', timeout: 30_000 });
    expect(out!.type).toBe('load-error');
    const m = await suite.page.evaluate((sel) => {
      const el = document.querySelector(sel)!;
      const box = el.shadowRoot!.querySelector('.state.error div')!.getBoundingClientRect();
      const host = el.getBoundingClientRect();
      const topmost = el.shadowRoot!.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return { box: [box.left, box.right, box.top, box.bottom], host: [host.left, host.right, host.top, host.bottom], inMessage: !!topmost?.closest('.state.error') };
    }, EL);
    expect(m.box[0]).toBeGreaterThanOrEqual(m.host[0] - 1);
    expect(m.box[1]).toBeLessThanOrEqual(m.host[1] + 1);
    expect(m.box[3]).toBeLessThanOrEqual(m.host[3] + 1);
    expect(m.inMessage, 'the message is on top').toBe(true);
  });

  it('the phone sheet\'s head fits a narrow element: the toggle takes a line of its own rather than sticking out (found by hand, 7 px at 200 px)', async () => {
    for (const [width, lang] of [[200, 'en'], [200, 'zh'], [320, 'en']] as const) {
      const [out] = await mountElements(suite.page, [{ lang }], { style: `display:block;width:${width}px;height:480px`, timeout: 30_000 });
      expect(out!.type).toBe('ready');
      const m = await suite.page.evaluate((sel) => {
        const el = document.querySelector(sel)!;
        const head = el.shadowRoot!.querySelector('.panel-head')!;
        const host = el.getBoundingClientRect();
        const parts = [...head.querySelectorAll('h2, button')].map((e) => e.getBoundingClientRect());
        return { host: [host.left, host.right], rights: parts.map((r) => r.right), lefts: parts.map((r) => r.left), overflow: head.scrollWidth - head.clientWidth };
      }, EL);
      expect(m.overflow, `${width} px, ${lang}`).toBeLessThanOrEqual(0);
      for (const right of m.rights) expect(right, `${width} px, ${lang}`).toBeLessThanOrEqual(m.host[1] + 0.5);
      for (const left of m.lefts) expect(left, `${width} px, ${lang}`).toBeGreaterThanOrEqual(m.host[0] - 0.5);
    }
  });

  it('logged no page error', () => {
    expect(suite.g.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
