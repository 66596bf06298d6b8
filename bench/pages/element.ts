/**
 * (a) The element as shipped: `<shanxi-zones-map>` with its default controls (or `controls` from
 * the query, e.g. `none` for the map alone), the shipped data or `projects-src` from the query.
 * Only public API: attributes, the `ready` / `load-error` events and the `map` property.
 */
import '../../src/index.js';
import type { ShanxiZonesMap } from '../../src/index.js';
import { install, mapDrawn, params, projectsParam } from './harness.js';

const el = document.createElement('shanxi-zones-map') as ShanxiZonesMap;
if (projectsParam) el.setAttribute('projects-src', projectsParam);
const controls = params.get('controls');
if (controls !== null) el.setAttribute('controls', controls);

let count = 0;
const ready = install({
  variant: controls === 'none' ? 'element-map-only' : 'element',
  async toggle(industries) {
    el.setAttribute('industries', industries.join(','));
    await el.updateComplete;
    return mapDrawn(el.map!);
  },
  async repaint() {
    await mapDrawn(el.map!);
  },
  panBy(dx, dy) {
    el.map!.panBy([dx, dy], { animate: false });
  },
  projectCount: () => count,
  info() {
    const rect = el.shadowRoot?.querySelector('[part~="map"]')?.getBoundingClientRect();
    // Every list row in the panel (shadow roots included): the DOM the panel keeps.
    const rows = (root: ParentNode): number =>
      [...root.querySelectorAll('*')].reduce(
        (n, e) => n + (e.getAttribute('role') === 'option' ? 1 : 0) + (e.shadowRoot ? rows(e.shadowRoot) : 0),
        0,
      );
    const nodes = (root: ParentNode): number =>
      [...root.querySelectorAll('*')].reduce((n, e) => n + 1 + (e.shadowRoot ? nodes(e.shadowRoot) : 0), 0);
    return {
      mapWidth: rect ? Math.round(rect.width) : null,
      mapHeight: rect ? Math.round(rect.height) : null,
      listRows: el.shadowRoot ? rows(el.shadowRoot) : 0,
      domElements: nodes(document),
    };
  },
});
el.addEventListener('ready', (e) => {
  count = e.detail.projectCount;
  ready.resolve(performance.now());
});
el.addEventListener('load-error', (e) => ready.reject(new Error(`${e.detail.message}: ${e.detail.problems.slice(0, 3).join('; ')}`)));
document.body.append(el);
