/**
 * Harness for the side-panel parts: <szm-legend>, <szm-filters> and <szm-stats> fed with the
 * shipped data and wired the way the main element wires them (events in, filters and
 * summaries out). `?lang=en` switches the language. For the tests the page exposes
 * `window.__panel` and records the parts' events in `window.__events`.
 */
import '../../../src/components/szm-legend/szm-legend.js';
import '../../../src/components/szm-filters/szm-filters.js';
import '../../../src/components/szm-stats/szm-stats.js';
import { emptyFilters, filterProjects, indexZones, type Filters } from '../../../src/data/filter.js';
import { summarize } from '../../../src/data/stats.js';
import { fetchJson } from '../../../src/data/load.js';
import type { ProjectCollection, ZoneCollection } from '../../../src/data/schema.js';
import { parseLang, type Lang } from '../../../src/i18n/strings.js';

const ZONES_URL = new URL('../../../data/zones.geojson', import.meta.url).href;
const PROJECTS_URL = new URL('../../../data/projects.geojson', import.meta.url).href;

type Recorded = { type: string; detail: unknown };
const w = window as unknown as {
  __events?: Recorded[];
  __panel?: { filters: Filters; setLang(lang: Lang): Promise<void>; ready: boolean };
};
w.__events ??= [];
for (const type of ['szm-industries-change', 'szm-filters-change']) {
  document.addEventListener(type, (e) => w.__events!.push({ type, detail: (e as CustomEvent).detail }));
}

const legend = document.querySelector('szm-legend')!;
const filtersEl = document.querySelector('szm-filters')!;
const stats = document.querySelector('szm-stats')!;
const status = document.querySelector<HTMLElement>('#status')!;

let filters = emptyFilters();

async function main(): Promise<void> {
  const [zones, projects] = (await Promise.all([fetchJson(ZONES_URL), fetchJson(PROJECTS_URL)])) as [
    ZoneCollection,
    ProjectCollection,
  ];
  const byId = indexZones(zones.features);

  const update = async (): Promise<void> => {
    legend.industries = filters.industries;
    legend.summary = summarize(filterProjects(projects.features, byId, { ...filters, industries: [] }), byId);
    filtersEl.filters = filters;
    stats.summary = summarize(filterProjects(projects.features, byId, filters), byId);
    await Promise.all([legend.updateComplete, filtersEl.updateComplete, stats.updateComplete]);
    panel.filters = filters;
  };

  const panel = {
    filters,
    ready: false,
    async setLang(lang: Lang) {
      for (const el of [legend, filtersEl, stats]) el.lang = lang;
      await Promise.all([legend.updateComplete, filtersEl.updateComplete, stats.updateComplete]);
    },
  };
  w.__panel = panel;

  // The parts' events bubble and are composed, so the panel (here, the body) hears them.
  document.body.addEventListener('szm-industries-change', (e) => {
    filters = { ...filters, industries: e.detail.industries };
    void update();
  });
  document.body.addEventListener('szm-filters-change', (e) => {
    filters = { ...filters, ...e.detail.filters };
    void update();
  });

  filtersEl.zones = zones.features;
  filtersEl.projects = projects.features;
  await panel.setLang(parseLang(new URLSearchParams(location.search).get('lang')));
  await update();
  status.textContent = `${zones.features.length} zones, ${projects.features.length} projects`;
  panel.ready = true;
}

main().catch((error: unknown) => {
  status.textContent = `Could not load the data: ${(error as Error).message}`;
});
