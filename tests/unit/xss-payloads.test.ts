/**
 * Hostile strings against the parts that decide what becomes a link or reaches the screen, in
 * node: safeHttpUrl (src/util/dom.ts), the validator's URL check and the validator on datasets
 * full of payloads. `externalLink` and the popups, which need a DOM, are checked in Chromium by
 * tests/robustness/xss.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from '../../src/util/dom.js';
import { formatProblem, isHttpUrl, quote, validateDataset } from '../../src/data/validate.js';
import { checkDataset } from '../../src/data/dataset.js';
import { DataLoadError } from '../../src/data/load.js';
import { industryLabel } from '../../src/data/format.js';
import { PAYLOADS, explain, hostileUrlDataset, httpsWith, payloadDataset, pwnedNumber, urlPayloads } from '../robustness/payloads.js';

const FILES = { zones: 'https://127.0.0.1/z.geojson', projects: 'https://127.0.0.1/p.geojson' };

describe('the payload list', () => {
  it('has at least 30 payloads, each calling __pwned with its number', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
    for (const p of PAYLOADS) {
      const text = p.make(4242);
      const body = text.includes(';base64,') ? Buffer.from(text.split(';base64,')[1]!, 'base64').toString('utf8') : text;
      expect(body, p.name).toContain('__pwned(4242)');
    }
    expect(new Set(PAYLOADS.map((p) => p.name)).size).toBe(PAYLOADS.length);
    expect(explain(pwnedNumber(1, 'project.capacity_en'))).toBe('img onerror in project.capacity_en');
  });
});

describe('safeHttpUrl never yields anything but an absolute http(s) URL', () => {
  const candidates = urlPayloads(7);

  it.each(candidates.map((c) => [JSON.stringify(c).slice(0, 70), c]))('%s', (_label, value) => {
    const out = safeHttpUrl(value);
    if (out !== null) {
      const u = new URL(out);
      expect(['http:', 'https:']).toContain(u.protocol);
      expect(out).toMatch(/^https?:\/\//);
    }
  });

  it('refuses every scheme but http and https, whatever the case, entities or control characters', () => {
    for (const value of candidates) {
      const out = safeHttpUrl(value);
      if (/^[\s\u0000-\u001f]*h\s*t\s*t\s*p\s*s?:/i.test(value)) continue; // http(s) variants may pass, as http(s)
      expect(out, JSON.stringify(value)).toBeNull();
    }
  });

  it('keeps a payload in the query of an http(s) URL inert: percent-encoded, no quote or angle bracket', () => {
    for (const [i, p] of PAYLOADS.entries()) {
      const out = safeHttpUrl(httpsWith(p.make(i)));
      expect(out, p.name).not.toBeNull();
      expect(out!.startsWith('https://example.org/src?q=')).toBe(true);
      expect(out).not.toMatch(/[<>"\s\u0000-\u001f]/);
      expect(new URL(out!).hostname).toBe('example.org');
    }
  });

  it('refuses a URL with a user name or password, whose host is not what it seems to be', () => {
    for (const url of ['https://www.gov.cn@evil.example/x', 'http://user:pass@example.org/', 'https://:pw@example.org/', 'https://u@example.org']) {
      expect(safeHttpUrl(url), url).toBeNull();
      expect(isHttpUrl(url), url).toBe(false);
    }
    expect(safeHttpUrl('https://example.org/a@b')).toBe('https://example.org/a@b'); // an @ in the path is no user name
    const d = payloadDataset();
    d.projects.features[0]!.properties.sources[0]!.url = 'https://www.gov.cn@evil.example/x';
    const lines = validateDataset(d.zones, d.projects).map(formatProblem);
    expect(lines.some((l) => /has a user name or password before an @/.test(l)), lines.join('\n')).toBe(true);
  });

  it('is null for non-strings', () => {
    for (const v of [null, undefined, 1, {}, [], { toString: () => 'https://example.org' }]) expect(safeHttpUrl(v)).toBeNull();
  });
});

describe('the validator refuses non-http(s) URLs', () => {
  it('isHttpUrl is false for every payload and URL trick', () => {
    for (const value of urlPayloads(3)) expect(isHttpUrl(value), JSON.stringify(value)).toBe(false);
  });

  it('accepts the payload dataset (so the browser tests can load it): payloads in text are data, not errors', () => {
    const { zones, projects } = payloadDataset();
    expect(validateDataset(zones, projects, FILES).map(formatProblem)).toEqual([]);
  });

  it('refuses javascript:, data:, tab-split and protocol-relative URLs naming file, id and field', () => {
    const { zones, projects, expected } = hostileUrlDataset();
    const problems = validateDataset(zones, projects, FILES);
    for (const e of expected) {
      const hit = problems.find(
        (p) => p.file === FILES[e.kind] && p.id === e.id && p.field === e.field && /not an http\(s\) URL|neither a seed file name/.test(p.message),
      );
      expect(hit, `${e.kind} ${e.id} ${e.field} in\n${problems.map(formatProblem).join('\n')}`).toBeDefined();
    }
    expect(() => checkDataset(zones, projects, FILES.zones, FILES.projects)).toThrow(DataLoadError);
  });

  it('names a hostile id in a message without dumping megabytes of it', () => {
    const { zones, projects } = payloadDataset();
    projects.features[0]!.properties.id = `<img src=x onerror=__pwned(1)>${'x'.repeat(1_000_000)}`;
    projects.features[1]!.properties.status = `<script>__pwned(2)</script>${'y'.repeat(100_000)}` as never;
    const lines = validateDataset(zones, projects, FILES).map(formatProblem);
    const status = lines.find((l) => l.includes('xss-project-01: status:'))!;
    expect(status).toContain('"<script>__pwned(2)</script>yyy');
    expect(status.length).toBeLessThan(400);
  });

  it('quote() survives values nested 100 000 deep and cuts long ones', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(quote(deep)).toBe('an array');
    expect(quote('a'.repeat(1000))).toMatch(/^"a{79}… \(1002 characters\)$/);
    expect(quote('short')).toBe('"short"');
  });
});

describe('labels of unknown ids are the id itself, as text', () => {
  it('industryLabel returns an unknown id unchanged (the DOM side is tested in Chromium)', () => {
    for (const p of PAYLOADS) expect(industryLabel(p.make(1), 'en')).toBe(p.make(1));
  });
});
