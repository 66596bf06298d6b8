/**
 * Exporting the data: CSV for spreadsheets, GeoJSON for GIS, file names, and the list of
 * cited sources with the data's as-of date. Pure functions except `downloadBlob`,
 * `canvasToPngBlob` and `mapToPngBlob`, which need a browser.
 *
 * CSV rules: UTF-8 with a byte-order mark (so spreadsheets read the Chinese), CRLF line ends,
 * RFC 4180 quoting, a header of stable English ids, an empty cell where a value is not
 * disclosed (never 0), numbers as plain digits, and every text cell that a spreadsheet could
 * run as a formula prefixed with `'`: one starting with tab or CR, or with = + - @ (or their
 * fullwidth forms) after any white space, which some spreadsheets trim. Cells with `;` are quoted
 * too, for spreadsheets that split CSV on it.
 */
import type { Feature, Geometry } from 'geojson';
import {
  cityLabel,
  formatDate,
  formatFigure,
  industryLabel,
  kindLabel,
  levelLabel,
  locationBasisLabel,
  outputBasisLabel,
  statusLabel,
  type Lang,
} from './format.js';
import type { PartialDate, ProjectFeature, Source, ZoneFeature } from './schema.js';
import { safeHttpUrl } from '../util/dom.js';

/** The byte-order mark every CSV starts with. */
export const BOM = '\uFEFF';

type Cell = string | number | boolean | null | undefined;

/** Plain digits for a finite number (no exponent, no grouping); '' otherwise. */
function numberCell(n: number): string {
  if (!Number.isFinite(n)) return '';
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // 1e21 and above, or tiny fractions: spell the digits out.
  return Math.abs(n) >= 1 ? BigInt(Math.round(n)).toString() : n.toFixed(20).replace(/0+$/, '');
}

/** How a cell a spreadsheet would run as a formula starts (`\s` takes in no-break and ideographic spaces). */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/** One CSV cell: numbers stay numeric, text is guarded against formulas and quoted as needed. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberCell(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** A whole CSV document (BOM, header, rows, CRLF after every row). */
export function csvDocument(header: readonly string[], rows: readonly Cell[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** `publisher date url-or-ref` per source, joined with ` | `. */
function sourcesCell(sources: readonly Source[] | undefined): string {
  return (sources ?? [])
    .map((s) => [s.publisher, s.date, safeHttpUrl(s.url) ?? s.ref].filter((x) => x).join(' '))
    .join(' | ');
}

function inLang(zh: string | null | undefined, en: string | null | undefined, lang: Lang): string | null {
  const own = (lang === 'zh' ? zh : en)?.trim();
  return own || (lang === 'zh' ? en : zh)?.trim() || null;
}

function pointOf(geometry: Geometry | null | undefined): [number | null, number | null] {
  if (geometry?.type !== 'Point') return [null, null];
  const [lon, lat] = geometry.coordinates;
  return [lon ?? null, lat ?? null];
}

export const PROJECT_CSV_COLUMNS = [
  'id', 'name_zh', 'name_en', 'zone_id', 'zone_name_zh', 'zone_name_en', 'city', 'industry',
  'investment_cny', 'output_cny', 'output_basis', 'capacity', 'status', 'status_date',
  'longitude', 'latitude', 'location_basis', 'sources',
] as const;

/**
 * The projects as CSV. Labels (city, industry, status, bases, capacity) are in `lang`; ids,
 * names in both languages, dates (as the source gives them) and numbers are the same in both.
 *
 * @example toCsv(projects.features, new Map(zones.features.map((z) => [z.properties.id, z])), 'zh')
 */
export function toCsv(
  projects: readonly ProjectFeature[],
  zonesById: ReadonlyMap<string, ZoneFeature>,
  lang: Lang,
): string {
  const rows = projects.map(({ properties: p, geometry }) => {
    const zone = zonesById.get(p.zone_id)?.properties;
    return [
      p.id, p.name_zh, p.name_en, p.zone_id, zone?.name_zh, zone?.name_en,
      zone ? cityLabel(zone.city, lang) : null,
      industryLabel(p.industry, lang),
      p.investment_cny, p.output_cny,
      p.output_basis ? outputBasisLabel(p.output_basis, lang) : null,
      inLang(p.capacity_zh, p.capacity_en, lang),
      statusLabel(p.status, lang), p.status_date,
      ...pointOf(geometry),
      locationBasisLabel(p.location_basis, lang),
      sourcesCell(p.sources),
    ];
  });
  return csvDocument(PROJECT_CSV_COLUMNS, rows);
}

export const ZONE_CSV_COLUMNS = [
  'id', 'name_zh', 'name_en', 'parent_id', 'level', 'kind', 'city', 'county', 'industries',
  'established', 'area_km2', 'verified', 'longitude', 'latitude', 'location_basis', 'figures',
  'sources',
] as const;

/**
 * The zones as CSV, like `toCsv`. Zones drawn as areas have empty longitude/latitude; figures
 * are `label (as of): value` joined with ` | `; industries are joined with `; `.
 */
export function zonesToCsv(zones: readonly ZoneFeature[], lang: Lang): string {
  const rows = zones.map(({ properties: z, geometry }) => [
    z.id, z.name_zh, z.name_en, z.parent_id ?? null,
    levelLabel(z.level, lang), kindLabel(z.kind, lang), cityLabel(z.city, lang), z.county,
    z.industries.map((i) => industryLabel(i, lang)).join('; '),
    z.established, z.area_km2, z.verified,
    ...pointOf(geometry),
    locationBasisLabel(z.location_basis, lang),
    z.figures
      .map((f) => `${lang === 'zh' ? f.label_zh : f.label_en} (${formatDate(f.as_of, lang)}): ${formatFigure(f, lang)}`)
      .join(' | '),
    sourcesCell(z.sources),
  ]);
  return csvDocument(ZONE_CSV_COLUMNS, rows);
}

/** A FeatureCollection of `features` as text, one feature per line (small and diffable). */
export function toGeoJsonText(features: readonly Feature[]): string {
  if (features.length === 0) return '{"type":"FeatureCollection","features":[]}\n';
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/** `shanxi-projects-2026-11-22.csv`: the kind and the local date of the export. */
export function exportFileName(kind: 'projects' | 'zones' | 'map', ext: string, date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `shanxi-${kind}-${day}.${ext.replace(/^\./, '')}`;
}

/** Saves `blob` as `name` through a temporary `<a download>`; the object URL is revoked after. */
export function downloadBlob(doc: Document, blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The canvas as a PNG blob (the canvas must not be tainted, and a WebGL one must keep its buffer). */
export function canvasToPngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The canvas could not be encoded as PNG'))), 'image/png');
  });
}

/** The part of a maplibregl.Map that `mapToPngBlob` needs. */
export interface RenderingMap {
  getCanvas(): HTMLCanvasElement;
  once(type: 'render', listener: () => void): unknown;
  triggerRepaint(): void;
}

/**
 * The map as a PNG, captured right after a frame is drawn, while the WebGL drawing buffer
 * still holds it, so the map needs no `preserveDrawingBuffer` (and no slower rendering).
 *
 * @example downloadBlob(document, await mapToPngBlob(map), exportFileName('map', 'png'))
 */
export function mapToPngBlob(map: RenderingMap): Promise<Blob> {
  return new Promise((resolve, reject) => {
    map.once('render', () => canvasToPngBlob(map.getCanvas()).then(resolve, reject));
    map.triggerRepaint();
  });
}

/** A cited source and who cites it. */
export interface SourceUse {
  source: Source;
  /** Every distinct title cited under this ref (a seed page can hold several short reports). */
  titles: string[];
  /** How many zones and projects cite it. */
  count: number;
  zoneCount: number;
  projectCount: number;
  /** Ids of the zones and projects that cite it, zones first, in data order. */
  usedBy: string[];
}

const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Case-insensitive code-point order (no locale data: the same in every browser). */
function cmp(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Every source cited by `zones` and `projects`, once per `ref`, sorted by publisher, then date,
 * then ref. Where copies of a source differ, the first non-empty value of each field wins
 * (a missing `url` is filled from a later copy) and every distinct title is kept in `titles`.
 */
export function collectSources(zones: readonly ZoneFeature[], projects: readonly ProjectFeature[]): SourceUse[] {
  const byRef = new Map<string, SourceUse>();
  const cite = (id: string, sources: readonly Source[] | undefined, kind: 'zone' | 'project') => {
    for (const s of sources ?? []) {
      const ref = s.ref.trim();
      let use = byRef.get(ref);
      if (!use) {
        use = { source: { ...s, ref }, titles: [], count: 0, zoneCount: 0, projectCount: 0, usedBy: [] };
        byRef.set(ref, use);
      } else {
        for (const key of ['publisher', 'title', 'date', 'url'] as const) {
          if (!use.source[key] && s[key]) use.source[key] = s[key];
        }
      }
      const title = s.title?.trim();
      if (title && !use.titles.includes(title)) use.titles.push(title);
      if (use.usedBy.includes(id)) continue;
      use.usedBy.push(id);
      use.count++;
      if (kind === 'zone') use.zoneCount++;
      else use.projectCount++;
    }
  };
  for (const z of zones) cite(z.properties.id, z.properties.sources, 'zone');
  for (const p of projects) cite(p.properties.id, p.properties.sources, 'project');
  return [...byRef.values()].sort(
    (a, b) =>
      cmp(a.source.publisher, b.source.publisher) || cmp(a.source.date, b.source.date) || (a.source.ref < b.source.ref ? -1 : 1),
  );
}

/**
 * The data's as-of date: the newest publication date among the cited sources (`YYYY`,
 * `YYYY-MM` or `YYYY-MM-DD`, as precise as that source); '' when there is none.
 */
export function dataAsOf(zones: readonly ZoneFeature[], projects: readonly ProjectFeature[]): PartialDate {
  let newest = '';
  for (const f of [...zones, ...projects]) {
    for (const s of f.properties.sources ?? []) {
      const d = s.date?.trim() ?? '';
      if (DATE_RE.test(d) && d > newest) newest = d;
    }
  }
  return newest;
}

