/**
 * Loading: every failure is a DataLoadError whose message names the file in English (for the
 * problem list and the README) and whose `zh` says the same in Chinese, with the URL in both.
 * fetch is stubbed; the browser tests load real files.
 */
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkDataset } from '../../src/data/dataset.js';
import { DataLoadError, fetchJson, parseJsonText } from '../../src/data/load.js';

const URL_ = 'https://example.org/data/projects.geojson';

/** The DataLoadError a promise rejects with (failing the test when it resolves). */
async function failure(p: Promise<unknown>): Promise<DataLoadError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataLoadError);
  return error as DataLoadError;
}

/** The DataLoadError `f` throws. */
function thrown(f: () => unknown): DataLoadError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DataLoadError);
    return e as DataLoadError;
  }
  throw new Error('expected a DataLoadError');
}

afterEach(() => vi.unstubAllGlobals());

describe('DataLoadError in English and Chinese', () => {
  it('a fetch that fails, and a server error', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    let e = await failure(fetchJson(URL_));
    expect(e.message).toBe(`${URL_}: could not be fetched (Failed to fetch)`);
    expect(e.zh).toBe(`${URL_}：无法获取（Failed to fetch）`);

    vi.stubGlobal('fetch', () => Promise.resolve(new Response('no', { status: 404, statusText: 'Not Found' })));
    e = await failure(fetchJson(URL_));
    expect(e.message).toBe(`${URL_}: the server answered 404 Not Found`);
    expect(e.zh).toBe(`${URL_}：服务器返回 404 Not Found`);
  });

  it('no answer in time, and a body that stops', async () => {
    vi.stubGlobal('fetch', (_: string, init: RequestInit) => new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason))));
    let e = await failure(fetchJson(URL_, { timeoutMs: 20 }));
    expect(e.message).toBe(`${URL_}: no answer after 0.02 s`);
    expect(e.zh).toBe(`${URL_}：0.02 秒内没有应答`);

    const cut = new ReadableStream({ start: (c) => c.error(new Error('connection reset')) });
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(cut)));
    e = await failure(fetchJson(URL_));
    expect(e.message).toBe(`${URL_}: the file could not be fetched in full (connection reset)`);
    expect(e.zh).toBe(`${URL_}：文件未能完整获取（connection reset）`);
  });

  it('the time-out is for silence: a file that keeps arriving slowly loads; one that stops fails', async () => {
    const json = JSON.stringify({ type: 'FeatureCollection', features: [] });
    /** The file in `parts` chunks `gapMs` apart; it stops before the last one when `stall` is set. */
    const trickle = (parts: number, gapMs: number, stall = false) => {
      const bytes = new TextEncoder().encode(json);
      const size = Math.ceil(bytes.length / parts);
      let i = 0;
      return (_: string, init: RequestInit) =>
        Promise.resolve(
          new Response(
            new ReadableStream({
              async pull(c) {
                await new Promise((r) => setTimeout(r, gapMs));
                if (init.signal?.aborted) return c.error(init.signal.reason);
                if (stall && i === parts - 1) return new Promise<void>((_r, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));
                c.enqueue(bytes.slice(i * size, (i + 1) * size));
                if (++i === parts) c.close();
              },
            }),
          ),
        );
    };
    // 10 chunks 30 ms apart: 300 ms in all, far over the 100 ms time-out, never 100 ms apart
    vi.stubGlobal('fetch', trickle(10, 30));
    await expect(fetchJson(URL_, { timeoutMs: 100 })).resolves.toEqual(JSON.parse(json));
    vi.stubGlobal('fetch', trickle(10, 5, true));
    const e = await failure(fetchJson(URL_, { timeoutMs: 100 }));
    expect(e.message).toBe(`${URL_}: the file stopped arriving (nothing more for 0.1 s)`);
    expect(e.zh).toBe(`${URL_}：文件中途停止传输（0.1 秒内没有收到更多数据）`);
  });

  it('fetched: bytes that are not UTF-8 and a U+FFFD the file really holds are told apart', async () => {
    const serve = (bytes: Uint8Array<ArrayBuffer>) => () => Promise.resolve(new Response(bytes));
    vi.stubGlobal('fetch', serve(new TextEncoder().encode('{"name":"长治\ufffd"}')));
    expect((await failure(fetchJson(URL_))).message).toMatch(/: the file holds U\+FFFD .*\(first on line 1\)/);
    vi.stubGlobal('fetch', serve(new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xb3, 0xa4, 0x22, 0x7d])));
    expect((await failure(fetchJson(URL_))).message).toMatch(/: the file is not UTF-8: it has bytes UTF-8 does not allow/);
    vi.stubGlobal('fetch', serve(new TextEncoder().encode('{"name":"长治"}')));
    await expect(fetchJson(URL_)).resolves.toEqual({ name: '长治' });
  });

  it('whole-file problems: empty, gzip, UTF-16, GBK, not JSON', () => {
    const gzip = new TextDecoder().decode(gzipSync('{"type":"FeatureCollection","features":[]}'));
    const utf16 = new TextDecoder().decode(Buffer.from('{"a":1}', 'utf16le'));
    const gbk = new TextDecoder().decode(Buffer.from([0x7b, 0xb3, 0xa4, 0xd6, 0xce, 0x7d]));
    const cases: [string, RegExp, string][] = [
      ['', /: the file is empty$/, '文件是空的'],
      [gzip, /: the file is gzip-compressed but was served without Content-Encoding: gzip/, '文件经过 gzip 压缩'],
      [utf16, /: the file is not UTF-8: it looks like UTF-16/, '看起来是 UTF-16'],
      [gbk, /: the file is not UTF-8: it has bytes UTF-8 does not allow/, 'GBK 或 GB18030'],
      ['{', /: not valid JSON: /, '不是有效的 JSON：'],
    ];
    for (const [text, english, chinese] of cases) {
      const e = thrown(() => parseJsonText(text, URL_));
      expect(e.message).toMatch(new RegExp(`^${URL_.replace(/[.]/g, '\\.')}: -: -`));
      expect(e.message).toMatch(english);
      expect(e.zh.startsWith(`${URL_}：`)).toBe(true);
      expect(e.zh).toContain(chinese);
    }
  });

  it('invalid data: the count of problems', () => {
    const e = thrown(() => checkDataset({ type: 'FeatureCollection', features: [] }, null, 'z.geojson', 'p.geojson'));
    expect(e.message).toBe('z.geojson: invalid data (2 problems)');
    expect(e.zh).toBe('z.geojson：数据无效（2 处问题）');
    expect(e.problems).toHaveLength(2);
  });

  it('invalid data: the count of every problem, the lines capped', () => {
    const features = Array.from({ length: 2000 }, () => ({}));
    const e = thrown(() => checkDataset({ type: 'FeatureCollection', features }, null, 'z.geojson', 'p.geojson'));
    const count = Number(/\((\d+) problems\)$/.exec(e.message)?.[1]);
    expect(count).toBeGreaterThan(2000);
    expect(e.zh).toBe(`z.geojson：数据无效（${count} 处问题）`);
    expect(e.problems.length).toBeLessThan(count);
    expect(e.problems.filter((line) => /^z\.geojson: -: -: and \d+ more problems not listed$/.test(line))).toHaveLength(1);
  });

  it('a caller that gives no Chinese gets the English', () => {
    expect(new DataLoadError('x: y', 'x').zh).toBe('x: y');
  });
});
