/**
 * Fetching the zones and projects: one place for network errors, time-outs, BOMs and
 * malformed JSON, each turned into a plain message that names the file.
 */
import { formatProblem, parseDataText } from './validate.js';

/** A load that failed, with one line per problem for the reader. */
export class DataLoadError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = 'DataLoadError';
  }
}

export interface FetchOptions {
  signal?: AbortSignal;
  /** Give up after this many milliseconds (default 20 s). */
  timeoutMs?: number;
}

/** Parses JSON text (a leading byte-order mark is accepted). */
export function parseJsonText(text: string, url: string): unknown {
  const { json, problem } = parseDataText(text, url);
  if (problem) throw new DataLoadError(formatProblem(problem), url);
  return json;
}

/** Fetches and parses one JSON file, with a time-out and a message that says what went wrong. */
export async function fetchJson(url: string, options: FetchOptions = {}): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (timeout.aborted) throw new DataLoadError(`${url}: no answer after ${timeoutMs / 1000} s`, url);
    if (options.signal?.aborted) throw error;
    throw new DataLoadError(`${url}: could not be fetched (${(error as Error).message})`, url);
  }
  if (!response.ok) {
    throw new DataLoadError(`${url}: the server answered ${response.status} ${response.statusText}`.trim(), url);
  }
  // The body can fail too: a server that stops sending, or a connection cut mid-file.
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (timeout.aborted) throw new DataLoadError(`${url}: the file had not arrived in full after ${timeoutMs / 1000} s`, url);
    if (options.signal?.aborted) throw error;
    throw new DataLoadError(`${url}: the file could not be fetched in full (${(error as Error).message})`, url);
  }
  return parseJsonText(text, url);
}
