/**
 * What a failed load says. The error itself is kept and put into words when rendered, so a
 * language switch re-renders it. The loader's lines (file, feature, field) are English: they are
 * for the data's author, and in Chinese a note says so.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { DataLoadError } from '../../data/load.js';
import { t, type Lang } from '../../i18n/strings.js';
import type { ErrorDetail } from './events.js';

/** A failure as it was thrown (wrapped, so that whatever was thrown is kept). */
export interface Failure {
  readonly error: unknown;
}

function messageOf(error: unknown): string {
  return String((error as Error)?.message ?? error);
}

/** The `load-error` event's detail: a heading in `lang`, then the loader's lines. */
export function errorDetail(error: unknown, lang: Lang): ErrorDetail {
  if (error instanceof DataLoadError) return { message: t(lang, 'data.error'), problems: [error.message, ...error.problems] };
  return { message: t(lang, 'map.error'), problems: [messageOf(error)] };
}

/**
 * The error in `lang`: a heading, the loader's summary (in Chinese where it wrote one), then at
 * most `max` of its detailed lines; `folded`, those lines open on a click (the banner over the
 * map: unfolded, it covered an open popup's title and close button, found by hand).
 */
export function renderError(error: unknown, lang: Lang, max: number, folded = false): TemplateResult {
  const data = error instanceof DataLoadError;
  const summary = data && lang === 'zh' ? error.zh : messageOf(error);
  const details = data ? error.problems.slice(0, max) : [];
  const lines = html`${details.length && lang === 'zh' ? html`<li class="note">${t(lang, 'data.detailsInEnglish')}</li>` : nothing}
    ${details.map((line) => html`<li lang="en">${line}</li>`)}`;
  return html`<strong>${t(lang, data ? 'data.error' : 'map.error')}</strong>
    <ul>
      <li lang=${summary === messageOf(error) ? 'en' : 'zh'}>${summary}</li>
      ${folded ? nothing : lines}
    </ul>
    ${folded && details.length ? html`<details><summary>${t(lang, 'data.details')}</summary><ul>${lines}</ul></details>` : nothing}`;
}
