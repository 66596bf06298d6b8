/**
 * Building DOM from data without ever parsing it as HTML: text goes in as text nodes, and
 * links only ever point at http(s).
 */

type Child = Node | string | number | null | undefined | false;

/** `h('p', {class: 'x'}, 'text', child)`: an element whose string children are text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'number' ? String(child) : child);
  }
  return el;
}

/**
 * The URL if it is an absolute http(s) URL with no user name or password (which hide the host:
 * https://www.gov.cn@example.org goes to example.org), else null.
 */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value.trim());
    const http = url.protocol === 'http:' || url.protocol === 'https:';
    return http && url.username === '' && url.password === '' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Text from the data set apart for bidirectional layout (`<bdi>`): a direction control in it
 * (an RTL override, U+202E) reorders only this text, never the labels and figures beside it.
 */
export function isolated(text: string): HTMLElement {
  return h('bdi', {}, text);
}

/** A link that opens in a new tab, or plain text where the URL is not http(s); its text isolated (`dir=auto`). */
export function externalLink(text: string, url: unknown): HTMLElement {
  const href = safeHttpUrl(url);
  if (!href) return h('span', { dir: 'auto' }, text);
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer', dir: 'auto' }, text);
}
