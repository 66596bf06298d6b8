/**
 * Exporting the data: CSV for spreadsheets, GeoJSON for GIS, file names, and the map as PNG.
 * Pure functions except `downloadBlob`, `canvasToPngBlob` and `mapToPngBlob`, which need a
 * browser. The element loads this module on the first export (the list of cited sources, which
 * the About tab shows at once, is in `sources.ts`).
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
import type { ProjectFeature, Source, ZoneFeature } from './schema.js';
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

/**
 * How a cell a spreadsheet would run as a formula starts: a tab or CR, or a sign (ASCII,
 * fullwidth or small form) after anything a spreadsheet may trim or skip (white space, with
 * no-break and ideographic spaces; control characters; zero-width and byte-order marks).
 */
const FORMULA_START = /^(?:[\t\r]|[\s\u0000-\u001f\u007f\u200b-\u200f\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b])/;

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
