/**
 * `node bench/probes/heap-snapshot.mjs name=DIR[:page]`: what the heap holds once the page has
 * settled (after a forced GC): its size, then the largest kinds of object by self size, and the
 * string values that take most (digits and hex runs folded to `#`, so `syn-000123` and
 * `syn-000456` count together). Item 18 of bench/analysis.md came from it.
 */
import { openSettled, parseVariants } from './common.mjs';

const [variant] = parseVariants([process.argv[2]]);
const { cdp, close } = await openSettled(variant);
const { usedSize } = await cdp.send('Runtime.getHeapUsage');
const chunks = [];
cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
await close();

const snapshot = JSON.parse(chunks.join(''));
const { node_fields: fields, node_types: [types] } = snapshot.snapshot.meta;
const [TYPE, NAME, SIZE, WIDTH] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size'), fields.length];
const { nodes, strings } = snapshot;
const kinds = new Map();
const values = new Map();
const add = (map, key, size) => {
  const entry = map.get(key) ?? [0, 0];
  entry[0] += size;
  entry[1]++;
  map.set(key, entry);
};
for (let i = 0; i < nodes.length; i += WIDTH) {
  const type = types[nodes[i + TYPE]];
  const name = strings[nodes[i + NAME]];
  const size = nodes[i + SIZE];
  add(kinds, ['object', 'native', 'closure'].includes(type) ? `${type}: ${name}` : type, size);
  if (type === 'string' || type === 'concatenated string' || type === 'sliced string') add(values, name.replace(/[0-9a-f]{6,}|\d{3,}/g, '#').slice(0, 60), size);
}
const table = (map, n, label) => {
  for (const [key, [size, count]] of [...map].sort((a, b) => b[1][0] - a[1][0]).slice(0, n))
    console.log(`${(size / 1e6).toFixed(2).padStart(7)} MB ${String(count).padStart(8)}  ${label(key)}`);
};
console.log(`heap used after a GC: ${(usedSize / 1e6).toFixed(1)} MB\nby kind:`);
table(kinds, 12, (k) => k.slice(0, 80));
console.log('strings by value:');
table(values, 15, (k) => JSON.stringify(k));
