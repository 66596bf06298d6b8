/** The build plugin that leaves dynamic imports plain (scripts/plain-dynamic-imports.ts). */
import { describe, expect, it } from 'vitest';
import { unwrapPreloads } from '../../scripts/plain-dynamic-imports.js';

describe('unwrapPreloads', () => {
  it('turns each wrapped import back into the import() it wraps', () => {
    const code = [
      'this.module = await (searchModule ??= __vitePreload(() => import("./search-!~{007}~.js"), __VITE_PRELOAD__, import.meta.url));',
      'const m = await __vitePreload(\n  () => import("./export-!~{008}~.js"),\n  __VITE_PRELOAD__,\n  import.meta.url\n);',
    ].join('\n');
    expect(unwrapPreloads(code)!.toString()).toBe(
      ['this.module = await (searchModule ??= import("./search-!~{007}~.js"));', 'const m = await import("./export-!~{008}~.js");'].join('\n'),
    );
  });

  it('leaves a chunk without wrapped imports, and a call whose deps are already filled in, alone', () => {
    expect(unwrapPreloads('import("./a.js").then(f)')).toBeNull();
    expect(unwrapPreloads('__vitePreload(() => import("./a.js"), ["a.css"], import.meta.url)')).toBeNull();
  });
});
