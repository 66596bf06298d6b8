/**
 * Fetching the zones and projects: one place for network errors, time-outs, BOMs and
 * malformed JSON, each turned into a plain message that names the file, in English and Chinese.
 */
import { formatProblem, parseDataText } from './validate.js';

/**
 * A load that failed, with one line per problem for the reader. `message` is English and `zh`
 * the same in Chinese, both naming the file; the problem lines are for data authors and stay
 * English, as the validator writes them.
 */
export class DataLoadError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly problems: readonly string[] = [],
    /** The message in Chinese; the English one where a caller has none. */
    readonly zh: string = message,
  ) {
    super(message);
    this.name = 'DataLoadError';
  }
}

export interface FetchOptions {
  signal?: AbortSignal;
  /** Give up after this many milliseconds with nothing from the server (default 20 s). */
  timeoutMs?: number;
  /** The fetch's cache mode: `no-cache` asks the server again (a reload), default as the browser likes. */
  cache?: RequestCache;
}

/** Parses a JSON file's bytes or text (a leading byte-order mark is accepted). */
export function parseJsonText(body: string | Uint8Array, url: string): unknown {
  const { json, problem, problemZh } = parseDataText(body, url);
  if (problem) throw new DataLoadError(formatProblem(problem), url, [], `${url}：${problemZh ?? problem.message}`);
  return json;
}

/**
 * A signal that aborts once `ms` pass with no progress (`progress()` after each chunk). The wait
 * is checked once per period: it fires after between `ms` and twice that of silence.
 */
function silenceSignal(ms: number): { signal: AbortSignal; progress(): void; stop(): void } {
  const controller = new AbortController();
  let progressed = false;
  let stopped = false;
  const arm = (): void => {
    AbortSignal.timeout(ms).addEventListener(
      'abort',
      () => {
        if (stopped) return;
        if (!progressed) return controller.abort(new DOMException(`nothing for ${ms} ms`, 'TimeoutError'));
        progressed = false;
        arm();
      },
      { once: true },
    );
  };
  arm();
  return { signal: controller.signal, progress: () => (progressed = true), stop: () => (stopped = true) };
}

/** The whole body, each chunk counted as progress. */
async function readBody(response: Response, progress: () => void): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    progress();
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * Fetches and parses one JSON file, with a message that says what went wrong. It gives up when
 * the server is silent for the time-out (default 20 s): before answering, or while sending the
 * file; a large file that keeps arriving, however slowly, is waited for.
 */
export async function fetchJson(url: string, options: FetchOptions = {}): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const seconds = timeoutMs / 1000;
  const silence = silenceSignal(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, silence.signal]) : silence.signal;
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal, ...(options.cache ? { cache: options.cache } : {}) });
    } catch (error) {
      if (silence.signal.aborted) throw new DataLoadError(`${url}: no answer after ${seconds} s`, url, [], `${url}：${seconds} 秒内没有应答`);
      if (options.signal?.aborted) throw error;
      const reason = (error as Error).message;
      throw new DataLoadError(`${url}: could not be fetched (${reason})`, url, [], `${url}：无法获取（${reason}）`);
    }
    if (!response.ok) {
      const answer = `${response.status} ${response.statusText}`.trim();
      throw new DataLoadError(`${url}: the server answered ${answer}`.trim(), url, [], `${url}：服务器返回 ${answer}`.trim());
    }
    silence.progress();
    // The body can fail too: a server that stops sending, or a connection cut mid-file.
    let bytes: Uint8Array;
    try {
      bytes = await readBody(response, silence.progress);
    } catch (error) {
      if (silence.signal.aborted) {
        throw new DataLoadError(
          `${url}: the file stopped arriving (nothing more for ${seconds} s)`,
          url,
          [],
          `${url}：文件中途停止传输（${seconds} 秒内没有收到更多数据）`,
        );
      }
      if (options.signal?.aborted) throw error;
      const reason = (error as Error).message;
      throw new DataLoadError(`${url}: the file could not be fetched in full (${reason})`, url, [], `${url}：文件未能完整获取（${reason}）`);
    }
    return parseJsonText(bytes, url);
  } finally {
    silence.stop();
  }
}
