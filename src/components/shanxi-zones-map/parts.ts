/**
 * Which parts of the element's UI show: the `controls` attribute, a comma-separated list of
 * part names, or a preset (`all`, `none` for the map alone).
 */
export const PARTS = ['search', 'list', 'legend', 'filters', 'stats', 'about', 'export', 'lang'] as const;
export type Part = (typeof PARTS)[number];

/** A Map, not an object: `controls="constructor"` must find nothing, not Object's constructor. */
const PRESETS = new Map<string, readonly Part[]>([
  ['all', PARTS],
  ['none', []],
  ['map', []],
]);

/** The parts a `controls` value asks for (unknown names ignored; empty or absent = all). */
export function parseControls(value: string | null | undefined): Set<Part> {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '') return new Set(PARTS);
  const parts = new Set<Part>();
  for (const name of text.split(',').map((s) => s.trim())) {
    for (const p of PRESETS.get(name) ?? (PARTS.includes(name as Part) ? [name as Part] : [])) parts.add(p);
  }
  return parts;
}

/** The panel's tabs, each shown when one of its parts is. */
export const TABS = [
  { id: 'list', parts: ['list', 'export'] },
  { id: 'layers', parts: ['legend', 'filters'] },
  { id: 'stats', parts: ['stats'] },
  { id: 'about', parts: ['about'] },
] as const satisfies readonly { id: string; parts: readonly Part[] }[];
export type TabId = (typeof TABS)[number]['id'];

export function visibleTabs(parts: ReadonlySet<Part>): TabId[] {
  return TABS.filter((tab) => tab.parts.some((p) => parts.has(p))).map((tab) => tab.id);
}
