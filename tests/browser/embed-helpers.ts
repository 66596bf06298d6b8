/**
 * Helpers of the embedding tests: the origins embed-setup.ts serves, and a host page with
 * elements added by script.
 */
import type { Page } from 'playwright-core';
import { inject } from 'vitest';

export const libURL = (): string => inject('libURL');
export const examplesURL = (): string => inject('examplesURL');

/** Adds a `<shanxi-zones-map>` with these attributes to the host page; resolves with its index. */
export async function addElement(page: Page, attributes: Record<string, string>, id = ''): Promise<void> {
  await page.evaluate(
    ([attrs, elId]) => {
      const el = document.createElement('shanxi-zones-map');
      if (elId) el.id = elId;
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      document.body.append(el);
    },
    [attributes, id] as const,
  );
}

/** The `detail`s of the events of a type heard so far. */
export async function eventDetails<T = unknown>(page: Page, type: string): Promise<T[]> {
  return page.evaluate(
    (t) => (window as unknown as { __events: { type: string; detail: unknown }[] }).__events.filter((e) => e.type === t).map((e) => e.detail),
    type,
  ) as Promise<T[]>;
}

/** Text of a selector inside the element's shadow root ('' when absent). */
export async function shadowText(page: Page, selector: string, host = 'shanxi-zones-map'): Promise<string> {
  return page.evaluate(
    ([h, s]) => document.querySelector(h)?.shadowRoot?.querySelector(s)?.textContent?.trim() ?? '',
    [host, selector] as const,
  );
}
