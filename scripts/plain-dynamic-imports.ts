/**
 * A Vite plugin: dynamic imports left as plain `import()`, without Vite's preload helper.
 *
 * Vite wraps every dynamic import in `__vitePreload(() => import(…), deps, import.meta.url)`
 * and bundles the helper (0.7 kB of the library's gzip), even with `build.modulePreload: false`, where the
 * helper only injects the CSS a lazy chunk imports (vitejs/vite#13952, #18551, open). Our lazy
 * chunks (search, export, the About prose) import no CSS: the components' styles are in their
 * code. So each call becomes the `import()` it wraps, and the helper, no longer used, is left
 * out by the minifier. A lazy chunk that imports CSS stops the build with a message, since
 * that CSS would then never be loaded. Used by the app, library and bench builds alike.
 */
import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/** One wrapped import as the chunk holds it before Vite fills in its dependencies. */
const PRELOAD_CALL = /__vitePreload\(\s*\(\)\s*=>\s*(import\([^()]*\))\s*,\s*__VITE_PRELOAD__\s*,\s*import\.meta\.url\s*\)/g;

/** The chunk's code with each wrapped import unwrapped, or null when it has none. */
export function unwrapPreloads(code: string): MagicString | null {
  let s: MagicString | null = null;
  for (const m of code.matchAll(PRELOAD_CALL)) {
    s ??= new MagicString(code);
    s.overwrite(m.index, m.index + m[0].length, m[1]!);
  }
  return s;
}

export function plainDynamicImports(): Plugin {
  return {
    name: 'szm-plain-dynamic-imports',
    apply: 'build',
    renderChunk(code) {
      const s = unwrapPreloads(code);
      return s && { code: s.toString(), map: s.generateMap({ hires: 'boundary' }) };
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isDynamicEntry) continue;
        const css = chunk.viteMetadata?.importedCss;
        if (css && css.size > 0) this.error(`${chunk.fileName} imports CSS (${[...css].join(', ')}), which plain import() would not load: remove szm-plain-dynamic-imports or the CSS import`);
      }
    },
  };
}
