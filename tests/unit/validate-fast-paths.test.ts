/**
 * The validator's fast paths against what they replaced, over many generated inputs: dates
 * against the regex and Date, blank strings against trim(), unknown keys against Object.keys
 * and `in`, and the duplicate-id table against a Set, with ids crafted to collide in it.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/synthetic.js';
import { isPartialDate, validateProjects, type Problem } from '../../src/data/validate.js';

/** isPartialDate as it was: a regex, then a Date for the days in the month. */
function isPartialDateByRegex(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1900 || year > 2100) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const ZONE = 'changzhi-htz';
const REF = '001_0123456789abcdef.txt';

/** A valid project; `props` replaces or adds properties. */
function project(id: string, props: Record<string, unknown> = {}): object {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [113.1, 36.2] },
    properties: {
      id,
      zone_id: ZONE,
      name_zh: '项目',
      name_en: 'A project',
      industry: 'computing',
      investment_cny: null,
      output_cny: null,
      output_basis: null,
      status: 'signed',
      status_date: '2021-08',
      history: [{ date: '2021-08', status: 'signed', source: REF }],
      location_basis: 'near-zone',
      sources: [{ ref: REF, publisher: 'P', title: 'T', date: '2021-08', fields: ['status'] }],
      ...props,
    },
  };
}
const validate = (features: object[]): Problem[] => validateProjects({ type: 'FeatureCollection', features }, 'p', [ZONE], Infinity); // every problem: compared one by one

describe('isPartialDate', () => {
  it('agrees with the regex and Date on 140 000 strings', () => {
    const years = [...Array.from({ length: 230 }, (_, i) => String(1885 + i)), '0000', '9999', '199a', '２０２１', '202', '20211'];
    const months = ['', ...Array.from({ length: 14 }, (_, i) => `-${String(i).padStart(2, '0')}`), '-1', '-1a', '-+1', '/01', '-001'];
    const days = ['', ...Array.from({ length: 33 }, (_, i) => `-${String(i).padStart(2, '0')}`), '-3', '-3x', ' ', '\n', 'T00'];
    let count = 0;
    for (const y of years)
      for (const m of months)
        for (const d of days) {
          const s = `${y}${m}${d}`;
          if (isPartialDate(s) !== isPartialDateByRegex(s)) expect.fail(`isPartialDate(${JSON.stringify(s)})`);
          count++;
        }
    expect(count).toBeGreaterThan(140_000);
    for (const v of [null, undefined, 2021, ['2021'], new String('2021')]) expect(isPartialDate(v)).toBe(false);
  });
});

describe('blank strings', () => {
  // Blank: what trim() empties once the characters that show nothing are gone (zero-width ones,
  // fillers, the blank braille pattern, direction marks and embeddings, and combining marks:
  // names made of them passed as filled in, found by hand).
  const INVISIBLE = new Set([
    0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x115f, 0x1160, 0x3164, 0xffa0, 0x2800,
    0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
  ]);
  const shown = (t: string) => [...t].filter((ch) => !INVISIBLE.has(ch.charCodeAt(0)) && !/\p{M}/u.test(ch)).join('');
  const isBlankProblem = (p: Problem) => p.field === 'name_zh' && (p.message === 'is an empty string' || p.message.startsWith('shows nothing'));

  it('are those that show nothing (trim() empties them once invisible characters are gone), for every UTF-16 code unit first', () => {
    const features: object[] = [];
    const texts: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `${ch}${ch}`, `${ch}x`]) {
        features.push(project(`p-${texts.length}`, { name_zh: text }));
        texts.push(text);
      }
    }
    const blank = new Set(validate(features).filter(isBlankProblem).map((p) => p.id));
    const want = new Set(texts.flatMap((t, i) => (shown(t).trim() === '' ? [`p-${i}`] : [])));
    expect(blank).toEqual(want);
    expect(want.size).toBeGreaterThan(40);
  });
});

describe('unknown keys', () => {
  const NAMES = [
    'id', 'zone_id', 'name_zh', 'name_en', 'company_zh', 'company_en', 'industry', 'investment_cny', 'output_cny',
    'output_basis', 'capacity_zh', 'capacity_en', 'status', 'status_date', 'history', 'location_basis', 'location_note_zh',
    'location_note_en', 'sources',
  ];
  const PROJECT_FIELDS = Object.fromEntries(NAMES.map((n) => [n, true]));

  it('are found in any key order, and wherever they stand', () => {
    const rand = mulberry32(11);
    const extras = ['investment', 'extra', 'toString', 'constructor', 'Status', '0', '12', 'name_zh ', 'valueOf'];
    const features: object[] = [];
    const want: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const base = (project(`p-${i}`) as { properties: Record<string, unknown> }).properties;
      // Mostly the same order (as in a file), sometimes shuffled, with unknown keys put anywhere.
      const order = Object.keys(base);
      if (rand() < 0.3) order.sort(() => rand() - 0.5);
      for (let k = 0; k < 3; k++) if (rand() < 0.2) order.splice(Math.floor(rand() * order.length), 0, extras[Math.floor(rand() * extras.length)]!);
      const props: Record<string, unknown> = {};
      for (const k of order) props[k] = k in base ? base[k] : 1;
      features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [113.1, 36.2] }, properties: props });
      for (const k of Object.keys(props)) if (!Object.hasOwn(PROJECT_FIELDS, k)) want.push(`p-${i}: ${k}: unknown field ${JSON.stringify(k)}`);
    }
    const got = validate(features).filter((p) => p.message.startsWith('unknown field')).map((p) => `${p.id}: ${p.field}: ${p.message}`);
    expect(got).toEqual(want);
    expect(want.length).toBeGreaterThan(1000);
  });
});

describe('duplicate ids', () => {
  /** The duplicate-id problems, in order, as a Set finds them. */
  const expected = (ids: string[]): string[] => {
    const seen = new Set<string>();
    return ids.filter((id) => !id.startsWith('#') && (seen.has(id) || (seen.add(id), false)));
  };
  const reported = (features: object[]): string[] => validate(features).filter((p) => p.message.startsWith('duplicate id')).map((p) => p.id!);

  it('are each repeat of an earlier id, in order, ids starting with # aside', () => {
    const rand = mulberry32(3);
    for (const [count, pool] of [[10, 3], [1000, 700], [20_000, 15_000]] as const) {
      const ids = Array.from({ length: count }, () => (rand() < 0.01 ? `#${Math.floor(rand() * 3)}` : `id-${Math.floor(rand() * pool)}`));
      expect(reported(ids.map((id) => project(id)))).toEqual(expected(ids));
    }
  });

  it('are still all found when the ids collide in the hash table (the Set takes over)', () => {
    // FNV-1a as validate.ts hashes ids; 200 ids sit in a table of 512 slots.
    const fnv = (s: string) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
      return h & 511;
    };
    const colliding: string[] = [];
    for (let k = 0; colliding.length < 150; k++) if (fnv(`c-${k}`) === 0) colliding.push(`c-${k}`);
    const rand = mulberry32(5);
    const ids = [...colliding, ...Array.from({ length: 50 }, () => colliding[Math.floor(rand() * colliding.length)]!)];
    expect(ids.every((id) => fnv(id) === 0)).toBe(true);
    expect(reported(ids.map((id) => project(id)))).toEqual(expected(ids));
  });
});
