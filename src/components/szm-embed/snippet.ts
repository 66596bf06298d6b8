/**
 * The copy-paste snippets of "Embed this view": the element with the current attributes, or
 * an iframe of the explorer with the same view as URL parameters (see src/explorer/permalink.ts).
 */

export type EmbedKind = 'element' | 'iframe';

export interface SnippetOptions {
  /** URL of the library module (`shanxi-zones-map.js`). */
  moduleUrl: string;
  /** URL of the explorer page, for the iframe. */
  pageUrl: string;
  /** The iframe's accessible title. */
  title: string;
  /** Height of the element or iframe, in CSS pixels. */
  height?: number;
}

/** Element attribute → explorer URL parameter, for the attributes the explorer reads. */
const PARAMS: Record<string, string> = {
  lang: 'lang',
  theme: 'theme',
  industries: 'industries',
  statuses: 'statuses',
  cities: 'cities',
  levels: 'levels',
  'zone-ids': 'zones',
  'investment-min': 'min',
  'investment-max': 'max',
  q: 'q',
  selected: 'selected',
  center: 'center',
  zoom: 'zoom',
};

/** Text safe inside a double-quoted HTML attribute. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The explorer URL that shows what the attributes describe (non-empty ones only). */
export function iframeUrl(pageUrl: string, attributes: Record<string, string>): string {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  for (const [name, param] of Object.entries(PARAMS)) {
    const value = attributes[name]?.trim();
    if (value) url.searchParams.set(param, value);
  }
  return url.href;
}

export function embedSnippet(kind: EmbedKind, attributes: Record<string, string>, options: SnippetOptions): string {
  const height = options.height ?? 600;
  if (kind === 'iframe') {
    const src = escapeAttribute(iframeUrl(options.pageUrl, attributes));
    return `<iframe src="${src}" title="${escapeAttribute(options.title)}" width="100%" height="${height}" loading="lazy" style="border: 0"></iframe>`;
  }
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v?.trim())
    .map(([k, v]) => ` ${k}="${escapeAttribute(v.trim())}"`)
    .join('');
  return [
    `<script type="module" src="${escapeAttribute(options.moduleUrl)}"></script>`,
    `<shanxi-zones-map${attrs} style="height: ${height}px"></shanxi-zones-map>`,
  ].join('\n');
}
