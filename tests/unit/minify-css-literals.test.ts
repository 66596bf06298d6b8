import { describe, expect, it } from 'vitest';
import { squeezeCss, squeezeHtml, squeezeLiterals } from '../../scripts/minify-css-literals.js';

describe('minifyCssLiterals', () => {
  it('drops CSS comments and spare white space, and keeps quoted strings', () => {
    const css = `
      /* the map's box: a size container */
      .map {
        inset: 0;   color: rgba(0, 0, 0, 0.5);
      }
      .a > .b :hover { content: '  ·  '; }
      .c::after { content: "/ x  y" }`;
    expect(squeezeCss(css)).toBe(` .map{inset:0;color:rgba(0,0,0,0.5);}.a>.b :hover{content:'  ·  ';}.c::after{content:"/ x  y"}`);
  });

  it('squeezes only the static text of tagged literals, inside nested templates too', () => {
    const code = [
      'const s = css`',
      '  :host([theme="dark"]) {',
      '    ${dark}',
      '  }`;',
      'const t = html`<p>  ${a ? html`<b>  x  </b>` : nothing}  </p>`;',
      'const u = mycss`  keep   this  `;',
    ].join('\n');
    const out = squeezeLiterals(squeezeLiterals(code, 'css', squeezeCss), 'html', squeezeHtml);
    expect(out).toBe(
      [
        'const s = css` :host([theme="dark"]){${dark}}`;',
        'const t = html`<p> ${a ? html`<b> x </b>` : nothing} </p>`;',
        'const u = mycss`  keep   this  `;',
      ].join('\n'),
    );
  });
});
