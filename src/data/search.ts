/**
 * Name search over zones and projects, for the search box and for the `query` filter.
 *
 * A query matches a name by its Chinese text (substring), its English text (case-insensitive,
 * whole name or word prefix), its full pinyin without tones (`longxin`, `long xin`, `lóngxīn`
 * → 龙芯; also from any syllable on) or its pinyin initials (`lx`, also as a prefix of a longer
 * name's initials; not from the middle, which matches too much noise). Queries
 * are normalised: full-width → half-width (NFKC), diacritics stripped (NFD), case and spaces
 * ignored. Latin letters and digits inside Chinese names pass through pinyin unchanged.
 *
 * Everything costly (pinyin) is computed once per name when the index is built; a search is a
 * linear scan of short precomputed strings.
 */
import { pinyin } from 'pinyin-pro';
import type { ProjectFeature, ProjectProperties, ZoneFeature, ZoneProperties } from './schema.js';
import { registerQueryMatcher } from './filter.js';

export type SearchKind = 'zone' | 'project';

/** One search hit. Higher `score` is better; see SCORES. */
export interface SearchResult {
  kind: SearchKind;
  id: string;
  name_zh: string;
  name_en: string;
  score: number;
}

/** Match tiers, best first: exact > prefix > substring > pinyin > initials. */
export const SCORES = {
  exact: 100,
  prefix: 90,
  wordPrefix: 80,
  substring: 70,
  allWords: 65,
  pinyinExact: 60,
  pinyinPrefix: 55,
  pinyinSyllable: 50,
  initialsExact: 40,
  initialsPrefix: 35,
} as const;

/** Subtracted when the match is on an alias (short label, company) rather than the name. */
const ALIAS_PENALTY = { name: 0, short: 1, company: 3 } as const;

/** One searchable text of an entry, with its precomputed keys. */
interface Term {
  /** Chinese text, normalised, whitespace removed ('' when none). */
  zh: string;
  /** Full pinyin of `zh`: one or two spellings (ü as u, and as v). */
  py: string[];
  /** Offsets in `py` where a syllable starts. */
  pyStarts: Set<number>;
  /** Pinyin initials of `zh`. */
  ini: string;
  /** English text, normalised, single-spaced ('' when none). */
  en: string;
  /** Offsets in `en` where a word starts. */
  enStarts: number[];
  penalty: number;
}

/** A zone or project with its searchable terms. */
export interface SearchEntry {
  kind: SearchKind;
  id: string;
  name_zh: string;
  name_en: string;
  terms: Term[];
}

export interface SearchIndex {
  entries: SearchEntry[];
}

/** A query normalised once for matching against many entries. */
export interface PreparedQuery {
  /** Normalised, whitespace removed: matched against Chinese text. */
  compact: string;
  /** Normalised, single-spaced: matched against English text. */
  en: string;
  /** The words of `en`. */
  words: string[];
  /** Letters and digits only; '' when the query contains Chinese (no pinyin matching then). */
  latin: string;
}

const HAN = /\p{Script=Han}/u;
const MARKS = /\p{M}/gu;

/** NFKC (full-width → half-width), strip diacritics, lower-case. */
export function normalize(s: string): string {
  return s.normalize('NFKC').normalize('NFD').replace(MARKS, '').toLowerCase();
}

function wordStarts(s: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (/[\p{L}\p{N}]/u.test(s[i]!) && (i === 0 || !/[\p{L}\p{N}]/u.test(s[i - 1]!))) starts.push(i);
  }
  return starts;
}

function makeTerm(zhText: string | null | undefined, enText: string | null | undefined, penalty: number): Term | null {
  const zhRaw = (zhText ?? '').normalize('NFKC').replace(/\s+/g, '');
  const en = normalize(enText ?? '').trim().replace(/\s+/g, ' ');
  if (zhRaw === '' && en === '') return null;
  const zh = normalize(zhRaw);
  let py: string[] = [];
  const pyStarts = new Set<number>();
  let ini = '';
  if (HAN.test(zhRaw)) {
    const syllables = pinyin(zhRaw, { toneType: 'none', type: 'array' }) as string[];
    let u = '';
    let v = '';
    for (const s of syllables) {
      const su = normalize(s).replace(/[^a-z0-9]/g, '');
      if (su === '') continue;
      const sv = s.toLowerCase().replace(/ü/g, 'v').normalize('NFD').replace(MARKS, '').replace(/[^a-z0-9]/g, '');
      pyStarts.add(u.length);
      ini += su[0];
      u += su;
      v += sv;
    }
    py = u === v ? [u] : [u, v];
  } else if (zh !== '') {
    // A name with no Chinese characters: its letters are its "pinyin".
    const latin = zh.replace(/[^a-z0-9]/g, '');
    if (latin !== '') {
      py = [latin];
      pyStarts.add(0);
      ini = latin[0]!;
    }
  }
  return { zh, py, pyStarts, ini, en, enStarts: wordStarts(en), penalty };
}

function makeEntry(kind: SearchKind, id: string, name_zh: string, name_en: string, aliases: [string | null | undefined, string | null | undefined, number][]): SearchEntry {
  const terms: Term[] = [];
  const main = makeTerm(name_zh, name_en, ALIAS_PENALTY.name);
  if (main) terms.push(main);
  for (const [zh, en, penalty] of aliases) {
    const t = makeTerm(zh, en, penalty);
    if (t) terms.push(t);
  }
  return { kind, id, name_zh, name_en, terms };
}

const cache = new WeakMap<object, SearchEntry>();

/** The search entry of a zone (name and short label); computed once per properties object. */
export function zoneEntry(zone: ZoneFeature | ZoneProperties): SearchEntry {
  const p = 'properties' in zone ? zone.properties : zone;
  let e = cache.get(p);
  if (!e) {
    e = makeEntry('zone', p.id, p.name_zh, p.name_en, [[p.short_zh, p.short_en, ALIAS_PENALTY.short]]);
    cache.set(p, e);
  }
  return e;
}

/** The search entry of a project (name and company); computed once per properties object. */
export function projectEntry(project: ProjectFeature | ProjectProperties): SearchEntry {
  const p = 'properties' in project ? project.properties : project;
  let e = cache.get(p);
  if (!e) {
    e = makeEntry('project', p.id, p.name_zh, p.name_en, [[p.company_zh, p.company_en, ALIAS_PENALTY.company]]);
    cache.set(p, e);
  }
  return e;
}

/** Builds the index once; zones first. */
export function buildSearchIndex(
  zones: readonly (ZoneFeature | ZoneProperties)[],
  projects: readonly (ProjectFeature | ProjectProperties)[],
): SearchIndex {
  return { entries: [...zones.map(zoneEntry), ...projects.map(projectEntry)] };
}

/** Normalises a query; null when it is blank. */
export function prepareQuery(query: string): PreparedQuery | null {
  const n = normalize(query ?? '');
  const compact = n.replace(/\s+/g, '');
  if (compact === '') return null;
  const en = n.trim().replace(/\s+/g, ' ');
  return {
    compact,
    en,
    words: en.split(' '),
    latin: HAN.test(n) ? '' : n.replace(/[^a-z0-9]/g, ''),
  };
}

function scoreTerm(t: Term, q: PreparedQuery): number {
  // Chinese text.
  if (t.zh !== '') {
    if (t.zh === q.compact) return SCORES.exact;
    if (t.zh.startsWith(q.compact)) return SCORES.prefix;
  }
  // English text.
  if (t.en !== '') {
    if (t.en === q.en) return SCORES.exact;
    if (t.en.startsWith(q.en)) return SCORES.prefix;
    let at = t.en.indexOf(q.en);
    while (at !== -1) {
      if (t.enStarts.includes(at)) return SCORES.wordPrefix;
      at = t.en.indexOf(q.en, at + 1);
    }
  }
  if (t.zh !== '' && t.zh.includes(q.compact)) return SCORES.substring;
  if (t.en !== '' && q.words.length > 1 && q.words.every((w) => t.enStarts.some((s) => t.en.startsWith(w, s)))) {
    return SCORES.allWords;
  }
  // Pinyin and initials.
  const l = q.latin;
  if (l === '') return 0;
  let best = 0;
  for (const py of t.py) {
    if (py === l) return SCORES.pinyinExact;
    if (py.startsWith(l)) best = Math.max(best, SCORES.pinyinPrefix);
    else if (best < SCORES.pinyinSyllable) {
      let at = py.indexOf(l, 1);
      while (at !== -1) {
        if (t.pyStarts.has(at)) {
          best = SCORES.pinyinSyllable;
          break;
        }
        at = py.indexOf(l, at + 1);
      }
    }
  }
  if (best > 0) return best;
  if (t.ini !== '') {
    if (t.ini === l) return SCORES.initialsExact;
    if (t.ini.startsWith(l)) return SCORES.initialsPrefix;
  }
  return 0;
}

/** The best score of an entry for a prepared query; 0 when it does not match. */
export function scoreEntry(entry: SearchEntry, q: PreparedQuery): number {
  let best = 0;
  for (const t of entry.terms) {
    const s = scoreTerm(t, q);
    if (s > 0) best = Math.max(best, s - t.penalty);
    if (best === SCORES.exact) break;
  }
  return best;
}

/** Whether an entry matches a query (a blank query matches everything). */
export function matchesQuery(entry: SearchEntry, query: string | PreparedQuery | null): boolean {
  const q = typeof query === 'string' ? prepareQuery(query) : query;
  return q === null || scoreEntry(entry, q) > 0;
}

/**
 * The best `limit` matches, best first: by score, then zones before projects, then shorter
 * Chinese names, then id. A blank query gives [].
 */
export function search(index: SearchIndex, query: string, limit = 10): SearchResult[] {
  const q = prepareQuery(query);
  if (q === null || limit <= 0) return [];
  const hits: SearchResult[] = [];
  for (const e of index.entries) {
    const score = scoreEntry(e, q);
    if (score > 0) hits.push({ kind: e.kind, id: e.id, name_zh: e.name_zh, name_en: e.name_en, score });
  }
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      (a.kind === b.kind ? 0 : a.kind === 'zone' ? -1 : 1) ||
      a.name_zh.length - b.name_zh.length ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return hits.slice(0, limit);
}

// The query filter in filter.ts matches with pinyin once this module is loaded.
registerQueryMatcher({
  project: (p, q) => matchesQuery(projectEntry(p), q),
  zone: (z, q) => matchesQuery(zoneEntry(z), q),
});
