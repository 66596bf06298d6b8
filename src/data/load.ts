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
  /** Give up after this many milliseconds (default 20 s). */
  timeoutMs?: number;
  /** The fetch's cache mode: `no-cache` asks the server again (a reload), default as the browser likes. */
  cache?: RequestCache;
}

/** Parses JSON text (a leading byte-order mark is accepted). */
export function parseJsonText(text: string, url: string): unknown {
  const { json, problem, problemZh } = parseDataText(text, url);
  if (problem) throw new DataLoadError(formatProblem(problem), url, [], `${url}：${problemZh ?? problem.message}`);
  return json;
}

/** Fetches and parses one JSON file, with a time-out and a message that says what went wrong. */
export async function fetchJson(url: string, options: FetchOptions = {}): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, { signal, ...(options.cache ? { cache: options.cache } : {}) });
  } catch (error) {
    const seconds = timeoutMs / 1000;
    if (timeout.aborted) throw new DataLoadError(`${url}: no answer after ${seconds} s`, url, [], `${url}：${seconds} 秒内没有应答`);
    if (options.signal?.aborted) throw error;
    const reason = (error as Error).message;
    throw new DataLoadError(`${url}: could not be fetched (${reason})`, url, [], `${url}：无法获取（${reason}）`);
  }
  if (!response.ok) {
    const answer = `${response.status} ${response.statusText}`.trim();
    throw new DataLoadError(`${url}: the server answered ${answer}`.trim(), url, [], `${url}：服务器返回 ${answer}`.trim());
  }
  // The body can fail too: a server that stops sending, or a connection cut mid-file.
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    const seconds = timeoutMs / 1000;
    if (timeout.aborted) throw new DataLoadError(`${url}: the file had not arrived in full after ${seconds} s`, url, [], `${url}：${seconds} 秒后文件仍未完整收到`);
    if (options.signal?.aborted) throw error;
    const reason = (error as Error).message;
    throw new DataLoadError(`${url}: the file could not be fetched in full (${reason})`, url, [], `${url}：文件未能完整获取（${reason}）`);
  }
  return parseJsonText(text, url);
}
