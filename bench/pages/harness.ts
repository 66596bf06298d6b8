/**
 * What every bench page exposes to the runner as `window.__bench`: when it was ready (ms from
 * navigation start), and the same scripted interactions (an industry toggle, a pan) measured the
 * same way. Each page supplies how to toggle, how to pan and how to wait for a drawn frame.
 */

export interface BenchApi {
  variant: string;
  /** Resolves with ms from navigation start to ready; rejects with the page's error. */
  ready: Promise<number>;
  /** Ms from navigation start to the first frame after ready (work queued by ready included). */
  settled: Promise<number>;
  /**
   * Shows only these industry layers ([] for every layer); resolves with ms until the map's next
   * `idle` and until its frame is drawn (Leaflet: both are the next frame).
   */
  toggle(industries: string[]): Promise<{ idle: number; drawn: number }>;
  /** Ms for one redraw with nothing changed (a repaint → idle, or a frame): the floor of any toggle. */
  repaint(): Promise<number>;
  /** Pans `steps` times by (dx, dy) px, one step per frame; resolves with each frame's duration (ms). */
  pan(steps: number, dx: number, dy: number): Promise<number[]>;
  /** How many projects are drawn (before clustering), as the page counts them. */
  projectCount(): number;
  /** Extra per-page facts for the report. */
  info(): Record<string, unknown>;
}

export interface PageHooks {
  variant: string;
  /** Resolves when the change is drawn, with the time (performance.now) of the map's `idle` if it has one. */
  toggle(industries: string[]): Promise<number | void>;
  repaint(): Promise<unknown>;
  panBy(dx: number, dy: number): void;
  projectCount(): number;
  info?(): Record<string, unknown>;
}

export const params = new URLSearchParams(location.search);

/** The projects URL the runner asked for, or null for the shipped data. */
export const projectsParam = params.get('projects');

/** Resolves after the next frame has been produced (a rAF, then a task after its paint). */
export function afterFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Sizes a container to the runner's `w`×`h` (the element's map area), or the whole window. */
export function sizeContainer(el: HTMLElement): void {
  const w = Number(params.get('w'));
  const h = Number(params.get('h'));
  el.style.position = 'absolute';
  el.style.left = '0';
  el.style.top = '0';
  el.style.width = w > 0 ? `${w}px` : '100vw';
  el.style.height = h > 0 ? `${h}px` : '100vh';
}

/** Publishes `window.__bench`; `ready` is settled by the page through the returned callbacks. */
export function install(hooks: PageHooks): { resolve(t: number): void; reject(e: unknown): void } {
  let resolve!: (t: number) => void;
  let reject!: (e: unknown) => void;
  const ready = new Promise<number>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  ready.catch(() => undefined);
  const settled = ready.then(async () => {
    await afterFrame();
    return performance.now();
  });
  settled.catch(() => undefined);
  const api: BenchApi = {
    variant: hooks.variant,
    ready,
    settled,
    async toggle(industries) {
      const t0 = performance.now();
      const idleAt = await hooks.toggle(industries);
      const drawn = performance.now() - t0;
      return { idle: typeof idleAt === 'number' ? idleAt - t0 : drawn, drawn };
    },
    async repaint() {
      const t0 = performance.now();
      await hooks.repaint();
      return performance.now() - t0;
    },
    async pan(steps, dx, dy) {
      const frames: number[] = [];
      let last = await new Promise<number>((r) => requestAnimationFrame(r));
      for (let i = 0; i < steps; i++) {
        const sign = i < steps / 2 ? 1 : -1; // out and back, so the view stays in bounds
        hooks.panBy(sign * dx, sign * dy);
        const now = await new Promise<number>((r) => requestAnimationFrame(r));
        frames.push(now - last);
        last = now;
      }
      return frames;
    },
    projectCount: () => hooks.projectCount(),
    info: () => hooks.info?.() ?? {},
  };
  (window as unknown as { __bench: BenchApi }).__bench = api;
  addEventListener('error', (e) => reject(e.error ?? e.message));
  addEventListener('unhandledrejection', (e) => reject(e.reason));
  return { resolve, reject };
}

interface IdleMap {
  once(type: 'idle', f: () => void): unknown;
  triggerRepaint(): void;
  getCanvas(): HTMLCanvasElement;
}

/**
 * Resolves when a MapLibre map's next `idle` has come and its frame is drawn. `idle` says that
 * MapLibre has issued its draw calls; with software WebGL the GPU process executes them later
 * (measured here: idle ~50–100 ms after a toggle, the frame drawn ~350–550 ms after it), so a
 * one-pixel `readPixels` waits for the frame to be finished.
 */
export async function mapDrawn(map: IdleMap): Promise<number> {
  const idleAt = await mapIdle(map);
  const canvas = map.getCanvas();
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  return idleAt;
}

/** Resolves on a MapLibre map's next `idle` (the same wait the element uses), with its time. */
export function mapIdle(map: Pick<IdleMap, 'once' | 'triggerRepaint'>): Promise<number> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve(performance.now()));
    map.triggerRepaint();
  });
}
