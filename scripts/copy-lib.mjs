// After `npm run build`: a copy of the library in dist/lib/, so the explorer's "Embed this view"
// snippet can point at a module served beside it.
import { cpSync, rmSync } from 'node:fs';

rmSync('dist/lib', { recursive: true, force: true });
cpSync('dist-lib', 'dist/lib', { recursive: true, filter: (src) => !src.endsWith('.map') && !src.includes('/types') });
console.log('dist-lib copied to dist/lib');
