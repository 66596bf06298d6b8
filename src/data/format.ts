/**
 * The one place money, numbers, dates and data labels are turned into text, in Chinese and
 * English. Pure functions: no DOM, no Intl locale data (output is the same in every browser).
 *
 * Precision rule: at most 3 significant digits for money (never fewer than the integer part),
 * trailing zeros trimmed, so a figure never looks more precise than its source.
 */
import {
  CITY_LABELS,
  KIND_LABELS,
  LEVEL_LABELS,
  LOCATION_BASIS_LABELS,
  MONTHS_EN,
  NOT_DISCLOSED,
  OUTPUT_BASIS_LABELS,
  STATUS_LABELS,
  type Bilingual,
  type Lang,
} from '../i18n/labels.js';
import { industry } from './industries.js';
import type {
  LocationBasis,
  OutputBasis,
  ProjectProperties,
  ProjectStatus,
  ZoneFigure,
  ZoneKind,
  ZoneLevel,
  ZoneProperties,
} from './schema.js';

export type { Lang } from '../i18n/labels.js';

/** 未披露 / not disclosed. */
export function notDisclosed(lang: Lang): string {
  return NOT_DISCLOSED[lang];
}

/** Inserts thousands separators into the integer part of a plain decimal string. */
function group(s: string): string {
  const [int, frac] = s.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/**
 * Rounds a non-negative value to 3 significant digits, keeping every digit of its integer part
 * (1234.5 → 1235, 49.44 → 49.4, 0.1234 → 0.123). Returns a number; String() of it has no
 * trailing zeros.
 */
function sig3(x: number): number {
  if (x === 0) return 0;
  const intDigits = x >= 1 ? Math.floor(Math.log10(x)) + 1 : 1;
  return Number(x.toPrecision(Math.min(21, Math.max(3, intDigits))));
}

function isNum(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/**
 * Money in yuan, in the unit a reader of that language expects.
 *
 * - zh: ≥ 1 万亿 → `1.2 万亿元`; ≥ 1 亿 → `49.4 亿元`; ≥ 1 万 → `4000 万元`; else `5000 元`.
 * - en: ≥ 1e9 → `CNY 4.94 bn`; ≥ 1e6 → `CNY 40 m`; else `CNY 5,000`.
 * - null / NaN → `未披露` / `not disclosed`; 0 → `0 元` / `CNY 0`.
 *
 * A value that rounds up into the next unit is shown in it (99,999,999 → `1 亿元`).
 */
export function formatMoney(cny: number | null | undefined, lang: Lang): string {
  if (!isNum(cny)) return NOT_DISCLOSED[lang];
  const sign = cny < 0 ? '-' : '';
  const v = Math.abs(cny);
  if (lang === 'zh') {
    if (v === 0) return '0 元';
    const units: [number, string][] = [
      [1e12, '万亿元'],
      [1e8, '亿元'],
      [1e4, '万元'],
    ];
    for (let i = 0; i < units.length; i++) {
      const [size, name] = units[i]!;
      if (v < size) continue;
      const r = sig3(v / size);
      // Rounding up into the next unit: 9999.6 万 → 1 亿.
      if (i > 0 && r >= units[i - 1]![0] / size) return `${sign}1 ${units[i - 1]![1]}`;
      return `${sign}${i === 0 ? group(String(r)) : String(r)} ${name}`;
    }
    const whole = Math.round(v);
    return whole >= 1e4 ? `${sign}1 万元` : `${sign}${whole} 元`;
  }
  if (v === 0) return 'CNY 0';
  if (v >= 1e9) return `CNY ${sign}${group(String(sig3(v / 1e9)))} bn`;
  if (v >= 1e6) {
    const m = sig3(v / 1e6);
    return m >= 1000 ? `CNY ${sign}1 bn` : `CNY ${sign}${m} m`;
  }
  const whole = Math.round(v);
  return whole >= 1e6 ? `CNY ${sign}1 m` : `CNY ${sign}${group(String(whole))}`;
}

/** A count with thousands separators (`1,234` in both languages); null → not disclosed. */
export function formatCount(n: number | null | undefined, lang: Lang): string {
  if (!isNum(n)) return NOT_DISCLOSED[lang];
  return (n < 0 ? '-' : '') + group(String(Math.round(Math.abs(n))));
}

/** An area: `29.99 平方公里` / `29.99 km²` (up to 2 decimals, trimmed, grouped); null → not disclosed. */
export function formatArea(km2: number | null | undefined, lang: Lang): string {
  if (!isNum(km2)) return NOT_DISCLOSED[lang];
  const s = group(String(Math.abs(Number(km2.toFixed(2)))));
  const signed = km2 < 0 && s !== '0' ? `-${s}` : s;
  return lang === 'zh' ? `${signed} 平方公里` : `${signed} km²`;
}

/**
 * A percentage given in percent (12.5 means 12.5 %, not 0.125): `12.5%` in both languages,
 * with at most `digits` decimals (default 1), trimmed. null → not disclosed.
 */
export function formatPercent(pct: number | null | undefined, lang: Lang, digits = 1): string {
  if (!isNum(pct)) return NOT_DISCLOSED[lang];
  const r = Number(pct.toFixed(Math.max(0, Math.min(20, digits))));
  return `${Object.is(r, -0) ? 0 : r}%`;
}

/** A rank: `第3位` / `No. 3`. */
export function formatRank(rank: number | null | undefined, lang: Lang): string {
  if (!isNum(rank)) return NOT_DISCLOSED[lang];
  return lang === 'zh' ? `第${rank}位` : `No. ${rank}`;
}

/** A zone figure's value in its unit (money, count, area, percent or rank). */
export function formatFigure(fig: Pick<ZoneFigure, 'value' | 'unit'>, lang: Lang): string {
  switch (fig.unit) {
    case 'cny':
      return formatMoney(fig.value, lang);
    case 'count':
      return formatCount(fig.value, lang);
    case 'km2':
      return formatArea(fig.value, lang);
    case 'percent':
      return formatPercent(fig.value, lang);
    case 'rank':
      return formatRank(fig.value, lang);
    default:
      return String(fig.value);
  }
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) at the precision it has:
 * zh `2021年`, `2021年8月`, `2021年8月15日`; en `2021`, `Aug 2021`, `15 Aug 2021`.
 * Anything else (wrong shape, month 13, 31 April…) is returned as given; null → ''.
 * Never throws.
 */
export function formatDate(partial: string | null | undefined, lang: Lang): string {
  if (typeof partial !== 'string') return '';
  const m = DATE_RE.exec(partial.trim());
  if (!m) return partial;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return partial;
  if (day !== null) {
    // Day 0 of the next month is the last day of this one (UTC, no time zone involved).
    const last = new Date(Date.UTC(year, month!, 0)).getUTCDate();
    if (day < 1 || day > last) return partial;
  }
  if (lang === 'zh') {
    return `${year}年${month !== null ? `${month}月` : ''}${day !== null ? `${day}日` : ''}`;
  }
  if (month === null) return String(year);
  const mon = MONTHS_EN[month - 1]!;
  return day === null ? `${mon} ${year}` : `${day} ${mon} ${year}`;
}

function pick(table: Readonly<Record<string, Bilingual>>, key: string, lang: Lang): string {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key]![lang] : key;
}

/** 在建 / Under construction, etc. An unknown value is returned as given. */
export function statusLabel(status: ProjectStatus | string, lang: Lang): string {
  return pick(STATUS_LABELS, status, lang);
}

/** 国家级 / National, etc. An unknown value is returned as given. */
export function levelLabel(level: ZoneLevel | string, lang: Lang): string {
  return pick(LEVEL_LABELS, level, lang);
}

/** 高新技术产业开发区 / High-tech zone, etc. An unknown value is returned as given. */
export function kindLabel(kind: ZoneKind | string, lang: Lang): string {
  return pick(KIND_LABELS, kind, lang);
}

/** 预计 / Planned, 实际 / Actual. An unknown value is returned as given. */
export function outputBasisLabel(basis: OutputBasis | string, lang: Lang): string {
  return pick(OUTPUT_BASIS_LABELS, basis, lang);
}

/** How a point was placed, e.g. 县政府驻地 / County seat. An unknown value is returned as given. */
export function locationBasisLabel(basis: LocationBasis | string, lang: Lang): string {
  return pick(LOCATION_BASIS_LABELS, basis, lang);
}

/** The industry layer's name (industries.ts); an unknown id is returned as given. */
export function industryLabel(id: string, lang: Lang): string {
  const ind = industry(id);
  return ind ? ind[lang] : id;
}

/**
 * A prefecture name: 长治市 → 长治市 / Changzhi. A zone's `city` joining two prefectures with
 * `;` gives `太原市、晋中市` / `Taiyuan / Jinzhong`. An unknown city is returned as given.
 */
export function cityLabel(city: string, lang: Lang): string {
  const parts = city
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  return parts.map((c) => pick(CITY_LABELS, c, lang)).join(lang === 'zh' ? '、' : ' / ');
}

/**
 * Characters that show nothing and are not white space: zero-width ones, fillers, the blank
 * braille pattern, and the direction marks and embeddings (U+061C, U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069) that only steer the text around them.
 */
const INVISIBLE = /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u115f\u1160\u3164\uffa0\u2800]/g;
/** Combining marks (accents and the like): on nothing, they show nothing a reader can read. */
const MARKS = /\p{M}/gu;

/**
 * True when `s` shows nothing: empty, or white space, invisible characters and combining marks
 * only. A name that merely contains them (Arabic with a direction mark, an accented letter) is
 * not blank. Most strings start with a printable ASCII character or a CJK ideograph: no need to
 * look further.
 */
export function isBlank(s: string): boolean {
  const c = s.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) return false;
  return s.replace(INVISIBLE, '').replace(MARKS, '').trim() === '';
}

/** `s` trimmed, or '' when it is missing or shows nothing, so that a fallback takes over. */
function shown(s: string | null | undefined): string {
  if (typeof s !== 'string' || isBlank(s)) return '';
  return s.trim();
}

type Named = { name_zh: string; name_en: string };

function nameIn(p: Named, lang: Lang): string {
  const own = shown(lang === 'zh' ? p.name_zh : p.name_en);
  if (own !== '') return own;
  return shown(lang === 'zh' ? p.name_en : p.name_zh);
}

/** The zone's name in `lang`, falling back to the other language's when empty. */
export function zoneName(p: Pick<ZoneProperties, 'name_zh' | 'name_en'>, lang: Lang): string {
  return nameIn(p, lang);
}

/**
 * The zone's short map label in `lang` (short_zh / short_en), falling back to the other
 * language's short label, then to the full name.
 */
export function zoneShortName(
  p: Pick<ZoneProperties, 'name_zh' | 'name_en' | 'short_zh' | 'short_en'>,
  lang: Lang,
): string {
  const own = shown(lang === 'zh' ? p.short_zh : p.short_en);
  if (own) return own;
  const other = shown(lang === 'zh' ? p.short_en : p.short_zh);
  // A missing short label in this language: the full name in it beats the other's short label.
  const full = shown(lang === 'zh' ? p.name_zh : p.name_en);
  if (full) return full;
  return other || nameIn(p, lang);
}

/** The project's name in `lang`, falling back to the other language's when empty. */
export function projectName(
  p: Pick<ProjectProperties, 'name_zh' | 'name_en'>,
  lang: Lang,
): string {
  return nameIn(p, lang);
}

/** The project's company in `lang`, falling back to the other language's; '' when none. */
export function companyName(
  p: Pick<ProjectProperties, 'company_zh' | 'company_en'>,
  lang: Lang,
): string {
  const own = shown(lang === 'zh' ? p.company_zh : p.company_en);
  if (own) return own;
  return shown(lang === 'zh' ? p.company_en : p.company_zh);
}
