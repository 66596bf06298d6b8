/**
 * One frame for a paint change, not two.
 *
 * MapLibre applies a style change in the next frame, and that frame's `Style.update` fires a
 * `data` event whose handler in `Map` marks the style dirty again and asks for another frame, which
 * draws the same picture a second time (inherited from Mapbox GL: mapbox/mapbox-gl-js#5762, open
 * since 2017). With software WebGL each frame costs the GPU process 130–250 ms, so the second frame
 * doubled the time until an industry toggle was on screen, and `idle` came a frame later
 * (bench/analysis.md, item 19).
 *
 * After a paint-only change the view calls the function returned here. In the frame that applies
 * the change, the frame request made by its `data` event is cancelled, the way `map.redraw()`
 * cancels one, but only when nothing else had asked for a frame before it: a camera animation,
 * a transition or new tiles still get theirs (MapLibre asks again at the end of the frame for
 * anything still dirty). It reads two private fields of `Map`, `_frameRequest` and `_styleDirty`;
 * if a release renames them, nothing is cancelled and the map draws twice as before
 * (tests/browser/project-layouts.test.ts counts the frames).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

interface MapInternals {
  style?: { on(type: 'data', listener: (e: { dataType?: string }) => void): unknown };
  _frameRequest?: AbortController | null;
  _styleDirty?: boolean;
}

/** Installs the watch on `map`; call the returned function after each paint-only change. */
export function singleFramePaint(map: MapLibreMap): () => void {
  const internals = map as unknown as MapInternals;
  let armed = false;
  let cancel = false;
  const watched = new WeakSet<object>();
  // The style's own listeners run before the map's handler re-marks it: a frame request then
  // would be someone else's (none is pending inside a frame, MapLibre clears it before drawing).
  const beforeMapHandler = (e: { dataType?: string }): void => {
    if (e.dataType !== 'style') return; // a source's event, passed up through the style
    cancel = armed && internals._frameRequest == null;
    armed = false;
  };
  const watchStyle = (): void => {
    const style = internals.style;
    if (!style || watched.has(style)) return;
    watched.add(style);
    style.on('data', beforeMapHandler);
  };
  watchStyle();
  map.on('style.load', watchStyle);
  // After the map's handler: the request it just made is the redundant one.
  map.on('styledata', () => {
    if (!cancel) return;
    cancel = false;
    internals._frameRequest?.abort();
    internals._frameRequest = null;
    internals._styleDirty = false;
  });
  return () => {
    armed = true;
  };
}
