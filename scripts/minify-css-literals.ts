/**
 * A Vite plugin: Lit's css`` and html`` literals without their comments and indentation.
 *
 * The minifier leaves template literals as written, so every comment and indent in the
 * components' styles and templates reached the bundle (~5 kB of ~28 kB of CSS text, ~1 kB of
 * templates). This squeezes the static text of each literal in src/: in css``, comments go, runs
 * of white space become one space, and the space around `{`, `}` and `;` goes, quoted strings
 * (`content: ' ·'`) kept; in html``, runs of white space become one space, which HTML shows
 * alike (no template holds a <pre> or a textarea's text). `${…}` parts are kept as they are.
 * Used by the app, library and bench builds alike.
 */
import type { Plugin } from 'vite';

export function minifyCssLiterals(): Plugin {
  return {
    name: 'szm-minify-css-literals',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !/(css|html|svg)`/.test(code)) return null;
      const css = squeezeLiterals(code, 'css', squeezeCss);
      return { code: squeezeLiterals(squeezeLiterals(css, 'html', squeezeHtml), 'svg', squeezeHtml), map: null };
    },
  };
}

/** `code` with the static text of every `tag```…`` literal squeezed by `squeeze`. */
export function squeezeLiterals(code: string, tag: 'css' | 'html' | 'svg', squeeze: (text: string) => string): string {
  const open = `${tag}\``;
  let out = '';
  let from = 0;
  for (let start = code.indexOf(open); start >= 0; start = code.indexOf(open, from)) {
    // `svghtml`` or a name ending in css`` is not Lit's tag.
    if (/[\w$]/.test(code[start - 1] ?? '')) {
      out += code.slice(from, start + open.length);
      from = start + open.length;
      continue;
    }
    out += code.slice(from, start + open.length);
    let i = start + open.length;
    let text = '';
    while (i < code.length && code[i] !== '`') {
      if (code[i] === '\\') {
        text += code.slice(i, i + 2);
        i += 2;
      } else if (code[i] === '$' && code[i + 1] === '{') {
        const end = closingBrace(code, i + 1);
        // The expression as it is, but for the literals it holds (a template in a template).
        out += `${squeeze(text)}\${${squeezeLiterals(code.slice(i + 2, end), tag, squeeze)}}`;
        text = '';
        i = end + 1;
      } else text += code[i++];
    }
    out += squeeze(text) + '`';
    from = i + 1;
  }
  return out + code.slice(from);
}

/**
 * The index of the `}` that closes the `{` at `open`. Expressions in css`` hold no strings with
 * braces; in html`` they may hold nested templates, whose backticks and braces balance.
 */
function closingBrace(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '{') depth++;
    else if (code[i] === '}' && --depth === 0) return i;
  }
  throw new Error('minify-css-literals: an unclosed ${ in a css`` literal');
}

/**
 * CSS text without comments and spare white space, its quoted strings untouched. Comments go
 * first, as an apostrophe in one (`the map's box`) is not a string (no string here holds "/*").
 */
export function squeezeCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\s+/g, ' ').replace(/ ?([{};>]) ?/g, '$1').replace(/([:,]) /g, '$1')))
    .join('');
}

/** Template text with each run of white space as one space. */
export function squeezeHtml(text: string): string {
  return text.replace(/\s+/g, ' ');
}
