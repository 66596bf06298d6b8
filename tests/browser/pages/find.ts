/**
 * Harness for <szm-search> and <szm-list> fed with the shipped data and wired the way the main
 * element wires them (a pick selects). `?lang=en` switches the language; `?many=N` repeats the
 * projects up to N rows to time a long list. For the tests the page exposes `window.__find`
 * and records the parts' events in `window.__events`.
 */
import '../../../src/components/szm-search/szm-search.js';
import '../../../src/components/szm-list/szm-list.js';
import { fetchJson } from '../../../src/data/load.js';
import type { ProjectCollection, ProjectFeature, ZoneCollection } from '../../../src/data/schema.js';
import { parseLang, type Lang } from '../../../src/i18n/strings.js';

const ZONES_URL = new URL('../../../data/zones.geojson', import.meta.url).href;
const PROJECTS_URL = new URL('../../../data/projects.geojson', import.meta.url).href;

type Recorded = { type: string; detail: unknown };
interface Harness {
  ready: boolean;
  zones: ZoneCollection;
  projects: ProjectCollection;
  /** Milliseconds the list took to render its rows. */
  listRenderMs: number;
  setLang(lang: Lang): Promise<void>;
}
const w = window as unknown as { __events?: Recorded[]; __find?: Harness };
w.__events ??= [];
for (const type of ['szm-pick', 'szm-hover', 'change']) {
  document.addEventListener(type, (e) => {
    if (type === 'change' && (e.target as Element).localName !== 'szm-list') return;
    w.__events!.push({ type, detail: (e as CustomEvent).detail ?? null });
  });
}

const search = document.querySelector('szm-search')!;
const list = document.querySelector('szm-list')!;
const status = document.querySelector<HTMLElement>('#status')!;

/** The projects repeated (with new ids) up to `n` rows. */
function repeat(projects: ProjectFeature[], n: number): ProjectFeature[] {
  const out: ProjectFeature[] = [];
  for (let i = 0; out.length < n; i++) {
    const p = projects[i % projects.length]!;
    const copy = Math.floor(i / projects.length);
    out.push(copy === 0 ? p : { ...p, properties: { ...p.properties, id: `${p.properties.id}~${copy}`, name_zh: `${p.properties.name_zh}${copy}` } });
  }
  return out;
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const [zones, projects] = (await Promise.all([fetchJson(ZONES_URL), fetchJson(PROJECTS_URL)])) as [ZoneCollection, ProjectCollection];
  const many = Number(params.get('many') ?? 0);
  const rows = many > projects.features.length ? repeat(projects.features, many) : projects.features;

  // Events bubble and are composed, so the document hears them (as the main element will).
  document.addEventListener('szm-pick', (e) => {
    list.selected = (e as HTMLElementEventMap['szm-pick']).detail.id;
  });
  const setLang = async (lang: Lang): Promise<void> => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    search.lang = lang;
    list.lang = lang;
    await Promise.all([search.updateComplete, list.updateComplete]);
  };
  await setLang(parseLang(params.get('lang')));

  search.zones = zones.features;
  search.projects = projects.features;
  const t0 = performance.now();
  list.zones = zones.features;
  list.projects = rows;
  await list.updateComplete;
  const listRenderMs = performance.now() - t0;
  status.textContent = `${zones.features.length} zones, ${rows.length} projects`;
  w.__find = { ready: true, zones, projects, listRenderMs, setLang };
}

main().catch((error: unknown) => {
  status.textContent = `Error: ${(error as Error).message}`;
  console.error(error);
});
