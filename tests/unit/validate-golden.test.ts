/**
 * The validator's output, unchanged: every case of validate-golden-cases.ts gives exactly the
 * rows (same problems, same order, same wording) recorded in validate-golden.json, which was
 * generated from the validator as it was before its speed-up (commit a78777a).
 *
 * A deliberate change to a check or a message: `REGEN=1 npx vitest run --project unit
 * tests/unit/validate-golden.test.ts` rewrites the snapshot; review its diff before committing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenCases, type Row } from './validate-golden-cases.js';

const SNAPSHOT = 'tests/unit/validate-golden.json';
const cases = goldenCases();

/** One case per key, one row per line: a diff shows the problems that changed. */
function serialize(out: Record<string, Row[]>): string {
  const body = Object.entries(out).map(
    ([name, rows]) => `  ${JSON.stringify(name)}: [${rows.length ? `\n${rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ` : ''}]`,
  );
  return `{\n${body.join(',\n')}\n}\n`;
}

if (process.env.REGEN) {
  const out: Record<string, Row[]> = {};
  for (const c of cases) out[c.name] = c.run();
  writeFileSync(SNAPSHOT, serialize(out));
}

describe('validator golden output', () => {
  const expected = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, Row[]>;

  it('has a snapshot for exactly these cases', () => {
    expect(Object.keys(expected)).toEqual(cases.map((c) => c.name));
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
    expect(c.run()).toEqual(expected[name]);
  });
});
