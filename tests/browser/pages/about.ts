/**
 * Harness for <szm-about> and the export functions, fed with the shipped data.
 *
 * Query: `lang=en`; `width=360` (panel width in px); `fixture=hostile` adds a copy of one
 * source with a `javascript:` URL, a title and a project name that look like HTML and formulas.
 * The page sets `window.__ready = true` once the panel has rendered the data.
 */
import '../../../src/components/szm-about/szm-about.js';
import type { SzmAbout } from '../../../src/components/szm-about/szm-about.js';
import {
  downloadBlob,
  exportFileName,
  mapToPngBlob,
  toCsv,
  toGeoJsonText,
  zonesToCsv,
  type RenderingMap,
} from '../../../src/data/export.js';
import { checkDataset } from '../../../src/data/dataset.js';
import { fetchJson } from '../../../src/data/load.js';
import type { ProjectCollection, ZoneCollection } from '../../../src/data/schema.js';
import { ta } from '../../../src/i18n/parts-about.js';
import { parseLang } from '../../../src/i18n/strings.js';

const ZONES_URL = new URL('../../../data/zones.geojson', import.meta.url).href;
const PROJECTS_URL = new URL('../../../data/projects.geojson', import.meta.url).href;

const params = new URLSearchParams(location.search);
const lang = parseLang(params.get('lang'));
const width = Number(params.get('width'));
if (width > 0) document.documentElement.style.setProperty('--panel-width', `${width}px`);
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';

/** Hostile copies: a script URL, markup in a title, a formula in a name. */
function makeHostile(zones: ZoneCollection, projects: ProjectCollection): void {
  const p = projects.features[0]!.properties;
  p.name_zh = '=HYPERLINK("http://evil.example","x")';
  p.sources = [
    ...p.sources,
    {
      ref: 'hostile-ref.txt',
      publisher: '<b>Hostile</b>',
      title: '<img src=x onerror="window.__xss=1">',
      date: '2020',
      url: 'javascript:window.__xss=1',
    },
  ];
  const z = zones.features[0]!.properties;
  z.sources = [...z.sources, { ref: 'data:text/html,<script>window.__xss=1</script>', publisher: 'Data URL', title: 'data', date: '2020' }];
}

/**
 * A stand-in for maplibregl.Map: a WebGL canvas without preserveDrawingBuffer that draws a
 * green frame on `triggerRepaint` and fires `render` right after, as MapLibre does.
 */
function makeFakeMap(): RenderingMap {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  canvas.id = 'fake-map';
  document.body.append(canvas);
  const gl = canvas.getContext('webgl', { preserveDrawingBuffer: false })!;
  const listeners: (() => void)[] = [];
  return {
    getCanvas: () => canvas,
    once: (_type, listener) => listeners.push(listener),
    triggerRepaint: () =>
      requestAnimationFrame(() => {
        gl.clearColor(46 / 255, 158 / 255, 68 / 255, 1);
        gl.clear(gl.COLOR_BUFFER_BIT);
        for (const listener of listeners.splice(0)) listener();
      }),
  };
}

/** The RGBA of a PNG's centre pixel. */
async function centrePixel(blob: Blob): Promise<number[]> {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  return [...ctx.getImageData(bitmap.width >> 1, bitmap.height >> 1, 1, 1).data];
}

const fakeMap = makeFakeMap();
/** For the test: the centre pixel of the map captured by `mapToPngBlob`. */
(window as unknown as Record<string, unknown>).__png = async () => centrePixel(await mapToPngBlob(fakeMap));

async function main(): Promise<void> {
  const about = document.querySelector<SzmAbout>('#about')!;
  const status = document.querySelector<HTMLElement>('#status')!;
  const { zones, projects } = checkDataset(await fetchJson(ZONES_URL), await fetchJson(PROJECTS_URL), ZONES_URL, PROJECTS_URL);
  if (params.get('fixture') === 'hostile') makeHostile(zones, projects);
  about.lang = lang;
  about.zones = zones.features;
  about.projects = projects.features;

  const zonesById = new Map(zones.features.map((z) => [z.properties.id, z]));
  const save = (text: string, type: string, name: string) => downloadBlob(document, new Blob([text], { type }), name);
  const actions: Record<string, [Parameters<typeof ta>[1], () => Promise<void> | void]> = {
    'projects-csv': ['export.projectsCsv', () => save(toCsv(projects.features, zonesById, lang), 'text/csv;charset=utf-8', exportFileName('projects', 'csv'))],
    'zones-csv': ['export.zonesCsv', () => save(zonesToCsv(zones.features, lang), 'text/csv;charset=utf-8', exportFileName('zones', 'csv'))],
    geojson: ['export.geojson', () => save(toGeoJsonText(projects.features), 'application/geo+json', exportFileName('projects', 'geojson'))],
    png: ['export.png', async () => downloadBlob(document, await mapToPngBlob(fakeMap), exportFileName('map', 'png'))],
  };
  for (const [id, [key, run]] of Object.entries(actions)) {
    const button = document.getElementById(id)!;
    button.textContent = ta(lang, key);
    button.addEventListener('click', () => {
      Promise.resolve(run()).catch((e: Error) => (status.textContent = ta(lang, 'export.failed', { message: e.message })));
    });
  }
  await about.updateComplete;
  (window as unknown as { __ready: boolean }).__ready = true;
}

main().catch((e: Error) => {
  document.querySelector<HTMLElement>('#status')!.textContent = e.message;
  (window as unknown as { __error: string }).__error = e.message;
});
