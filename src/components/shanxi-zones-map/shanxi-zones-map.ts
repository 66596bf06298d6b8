import { LitElement, html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import * as maplibregl from 'maplibre-gl';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { filterProjects, filtersFromParams, type Filters } from '../../data/filter.js';
import { FilteredDataset } from '../../data/filtered-dataset.js';
import { zoneSummary, type Summary } from '../../data/stats.js';
import type { ProjectCollection, ProjectFeature, ZoneCollection, ZoneFeature } from '../../data/schema.js';
import { checkDataset, fetchFiles, type ParsedFiles } from '../../data/dataset.js';
import { shareRepeatedStrings } from '../../data/share-strings.js';
import { parseLang, t, type Lang, type StringKey } from '../../i18n/strings.js';
import { ZonesMapView, NoWebGLError, type FeatureKind } from '../../map/zones-map-view.js';
import { DARK_PALETTE, PALETTE } from '../../map/basemap-style.js';
import { te } from '../../i18n/parts-embed.js';
import { projectPopup, zonePopup } from '../../map/popup-content.js';
import { createEvent, type ShanxiZonesMapEventMap } from './events.js';
import { elementStyles, panelStyles } from './shanxi-zones-map.styles.js';
import { renderPanel, renderPanelShell, type ExportKind } from './panel.js';
import { errorDetail, renderError, type Failure } from './errors.js';
import { parseControls, type TabId } from './parts.js';
import type { PartEventMap } from '../shared/events.js';

maplibregl.setWorkerUrl(workerUrl);

/** The shipped data, resolved by Vite to hashed assets beside the bundle. */
export const DEFAULT_ZONES_URL = new URL('../../../data/zones.geojson', import.meta.url).href;
export const DEFAULT_PROJECTS_URL = new URL('../../../data/projects.geojson', import.meta.url).href;

type LoadState = 'loading' | 'ready' | 'error';

/** `light`, `dark`, or `auto` (follows `prefers-color-scheme`). */
export type Theme = 'light' | 'dark' | 'auto';

/** Set by the library build (vite.lib.config.ts); the explorer's build leaves it false. */
declare const __SZM_LIBRARY__: boolean | undefined;
const IS_LIBRARY = typeof __SZM_LIBRARY__ !== 'undefined' && __SZM_LIBRARY__;

/** Where "Embed this view" points: this module in the library build; the explorer and its copy of the library in the app. */
function embedUrls(): { moduleUrl: string; pageUrl: string } {
  if (IS_LIBRARY) return { moduleUrl: import.meta.url, pageUrl: '' };
  const pageUrl = new URL('./', document.baseURI).href;
  return { moduleUrl: new URL('lib/shanxi-zones-map.js', pageUrl).href, pageUrl };
}

/** The attributes "Embed this view" reproduces. */
const EMBED_ATTRIBUTES = ['lang', 'industries', 'statuses', 'cities', 'levels', 'zone-ids', 'investment-min', 'investment-max', 'q', 'selected', 'center', 'zoom', 'controls', 'theme', 'basemap'] as const;

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The properties that hold filters. */
const FILTER_PROPERTIES = ['industries', 'statuses', 'cities', 'levels', 'zoneIds', 'investmentMin', 'investmentMax', 'q'] as const;

/**
 * Where a centre may be: Shanxi (about 110.2–114.6°E, 34.5–40.8°N) and a margin of a couple of
 * degrees. A centre beyond it shows none of the data, so it is taken for a mistake.
 */
const CENTER_BOUNDS = { west: 108, east: 117, south: 32.5, north: 43 };

/** What the element's attributes set on the map itself: its labels' language, palette and view (`center zoom`). */
interface MapSettings {
  lang: Lang;
  dark: boolean;
  view: string;
}

/** `center="lng,lat"` and `zoom="z"` as a view, or null where they don't make one. */
export function parseView(center: string | null, zoom: string | null): { center: [number, number]; zoom: number } | null {
  if (!center?.trim()) return null;
  const parts = center.split(',').map((v) => v.trim());
  // Number('') is 0: an empty part would read as 0°.
  if (parts.length < 2 || parts.some((v) => v === '')) return null;
  const [lng, lat] = parts.map(Number) as [number, number];
  const z = Number(zoom);
  const { west, east, south, north } = CENTER_BOUNDS;
  if (!(lng >= west && lng <= east && lat >= south && lat <= north)) return null; // NaN fails too
  return { center: [lng, lat], zoom: zoom?.trim() && Number.isFinite(z) ? z : 9 };
}

/**
 * Shanxi's development zones and their major projects on an offline map of Shanxi.
 *
 * @summary An interactive map of Shanxi's development zones and projects.
 *
 * @event {CustomEvent<ReadyDetail>} ready - The basemap, zones and projects are drawn (first idle). `detail: {zoneCount, projectCount}`.
 * @event {CustomEvent<SelectDetail>} select - A zone or project was picked, or the selection cleared. `detail: {kind, id, feature}`, all null when cleared.
 * @event {CustomEvent<FilterChangeDetail>} filter-change - The active filters changed. `detail: Filters & {visibleProjects, visibleZones}`.
 * @event {CustomEvent<ErrorDetail>} load-error - The data could not be loaded or failed validation. `detail: {message, problems}`.
 *
 * @csspart map - The map's container.
 * @csspart panel - The side panel (a bottom sheet on a phone).
 * @csspart search - The search box (`szm-search`).
 * @csspart list - The list of zones and projects (`szm-list`); its rows are `::part(row)`.
 * @csspart legend - The industry layers (`szm-legend`).
 * @csspart filters - The filters (`szm-filters`).
 * @csspart stats - The statistics (`szm-stats`).
 * @csspart about - Sources and notes (`szm-about`).
 * @csspart export - The downloads.
 * @csspart embed - "Embed this view" (`szm-embed`).
 * @csspart popup - A popup's content; also `popup-zone` or `popup-project`.
 * @csspart notice - The notice that a hosted basemap failed and the offline one is shown.
 *
 * @cssproperty --szm-height - The element's height (default 480px; a map has no intrinsic size).
 * @cssproperty --szm-font-family - The UI's font stack.
 * @cssproperty --szm-text-color - The UI's text colour.
 * @cssproperty --szm-muted-color - Secondary text.
 * @cssproperty --szm-background - Shown behind the map and while it loads.
 * @cssproperty --szm-panel-background - The panel's and popups' background.
 * @cssproperty --szm-panel-width - The panel's width (default 340px).
 * @cssproperty --szm-border-color - Borders and rules.
 * @cssproperty --szm-accent-color - Selected tabs, pressed buttons, focus.
 * @cssproperty --szm-link-color - Links in popups and sources.
 */
@customElement('shanxi-zones-map')
export class ShanxiZonesMap extends LitElement {
  static override styles = [unsafeCSS(maplibreCss), elementStyles, panelStyles];

  /** Language of labels and UI: `zh` (default) or `en`. */
  @property({ reflect: true }) override lang = 'zh';

  /** Comma-separated industry layer ids to show; empty shows all. */
  @property({ reflect: true }) industries = '';

  /** Comma-separated project statuses to show; empty shows all. */
  @property({ reflect: true }) statuses = '';

  /** Comma-separated prefectures in Chinese (e.g. `长治市,晋城市`); empty shows all. */
  @property({ reflect: true }) cities = '';

  /** Comma-separated zone levels (`national`, `provincial`…); empty shows all. */
  @property({ reflect: true }) levels = '';

  /** Comma-separated zone ids: only these zones and their projects. */
  @property({ reflect: true, attribute: 'zone-ids' }) zoneIds = '';

  /** Lowest total investment shown, in yuan (projects with no disclosed figure are hidden). */
  @property({ reflect: true, attribute: 'investment-min' }) investmentMin = '';

  /** Highest total investment shown, in yuan. */
  @property({ reflect: true, attribute: 'investment-max' }) investmentMax = '';

  /** Free-text filter on project and zone names (Chinese, English or pinyin). */
  @property({ reflect: true }) q = '';

  /**
   * Which parts of the UI show, comma-separated: `search`, `list`, `legend`, `filters`,
   * `stats`, `about`, `export`, `lang`; `none` for the map alone; empty for all.
   */
  @property({ reflect: true }) controls = '';

  /** Initial map centre as `lng,lat` (default: all of Shanxi). */
  @property({ reflect: true }) center = '';

  /** Initial zoom (with `center`). */
  @property({ reflect: true }) zoom = '';

  /** A zone or project id: the map flies there and opens its popup. */
  @property({ reflect: true }) selected = '';

  /** URL of the zones GeoJSON (defaults to the shipped data). */
  @property({ attribute: 'zones-src' }) zonesSrc = DEFAULT_ZONES_URL;

  /** URL of the projects GeoJSON (defaults to the shipped data). */
  @property({ attribute: 'projects-src' }) projectsSrc = DEFAULT_PROJECTS_URL;

  /** URL of a hosted MapLibre style to draw instead of the offline basemap; if it fails to load, the offline basemap is drawn and a notice says so. */
  @property({ reflect: true }) basemap = '';

  /** Colour theme: `light` (default), `dark`, or `auto` (follows the system's `prefers-color-scheme`). */
  @property({ reflect: true }) theme: Theme = 'light';

  @state() private loadState: LoadState = 'loading';
  /** Why the load failed with no data to show, in place of the map (put into words when rendered). */
  @state() private loadError: Failure | null = null;
  /** Why there is no map (no WebGL), while the panel still works. */
  @state() private mapError: StringKey | null = null;
  /** A failed reload, shown over the last good data. */
  @state() private dataError: Failure | null = null;
  /** Whether the current map has drawn data (and `ready` was dispatched for it). */
  private drawn = false;
  /** The language, palette and view attributes the map was last given (null: no map yet). */
  private mapGiven: MapSettings | null = null;
  @state() private tab: TabId = 'list';
  @state() private panelOpen = true;
  @state() private hovered = '';
  @state() private visibleZones: ZoneFeature[] = [];
  @state() private visibleProjects: ProjectFeature[] = [];
  @state() private legendSummary: Summary | null = null;
  @state() private visibleSummary: Summary | null = null;
  @state() private basemapFailed = false;
  /** The export's chunk could not be loaded (shown until an export works). */
  @state() private exportFailed = false;
  /** Files of the offline basemap that could not be loaded (the map is drawn without them). */
  @state() private basemapMissing: string[] = [];
  @state() private systemDark = false;

  private view: ZonesMapView | null = null;
  private zoneData: ZoneCollection | null = null;
  private projectData: ProjectCollection | null = null;
  private zonesById: ReadonlyMap<string, ZoneFeature> = new Map();
  private projectsById = new Map<string, ProjectFeature>();
  /** The zones the filters show on the map (the panel's `visibleZones` may follow a frame later). */
  private shownZones: ZoneFeature[] = [];
  /** Whether the open popup says that the filters hide its feature. */
  private popupHidden = false;
  private filtered: FilteredDataset | null = null;
  /** The data load in flight (aborted when another starts or the element leaves the page). */
  private abort: AbortController | null = null;
  /**
   * The data fetch started when the element is connected, before its first render and before the
   * map is made, so the data arrive and are parsed by the time the style can take them. The
   * first `loadData` takes it over when its URLs are still the ones asked for.
   */
  private early: { key: string; abort: AbortController; files: Promise<ParsedFiles> } | null = null;
  /** The id the user picked on the map, so `updated` does not fly to it again. */
  private pickedOnMap = '';
  private darkQuery: MediaQueryList | null = null;

  /** The maplibregl.Map, once made. */
  get map(): maplibregl.Map | null {
    return this.view?.map ?? null;
  }

  /** The loaded zones. */
  get zones(): ZoneCollection | null {
    return this.zoneData;
  }

  /** The loaded projects. */
  get projects(): ProjectCollection | null {
    return this.projectData;
  }

  /** The filters the attributes describe (unknown values dropped). */
  get filters(): Filters {
    const params = new URLSearchParams();
    // A removed attribute sets its property to null.
    const set = (key: string, value: string | null) => value?.trim() && params.set(key, value);
    set('industries', this.industries);
    set('statuses', this.statuses);
    set('cities', this.cities);
    set('levels', this.levels);
    set('zones', this.zoneIds);
    set('min', this.investmentMin);
    set('max', this.investmentMax);
    set('q', this.q);
    return filtersFromParams(params);
  }

  /**
   * Fetches both sources again, at the same URLs (a file fixed after a failed load, or changed
   * since). Resolves once the load has ended; a failure dispatches `load-error` and keeps the
   * last good data, as any load does.
   */
  async reload(): Promise<void> {
    // Before the first render the first load is on its way; the element starts it itself.
    if (!this.hasUpdated || !this.isConnected) return;
    await this.loadData('no-cache'); // asks the server again, not the browser's cache
  }

  /** Sets some filters (the attributes follow, and `filter-change` is dispatched). */
  setFilters(patch: Partial<Filters>): void {
    const list = (v: readonly string[] | undefined, current: string) => (v === undefined ? current : v.join(','));
    const amount = (v: number | null | undefined, current: string) => (v === undefined ? current : v === null ? '' : String(v));
    this.industries = list(patch.industries, this.industries);
    this.statuses = list(patch.statuses, this.statuses);
    this.cities = list(patch.cities, this.cities);
    this.levels = list(patch.levels, this.levels);
    this.zoneIds = list(patch.zoneIds, this.zoneIds);
    this.investmentMin = amount(patch.investmentMin, this.investmentMin);
    this.investmentMax = amount(patch.investmentMax, this.investmentMax);
    this.q = patch.query ?? this.q;
  }

  private get language(): Lang {
    return parseLang(this.lang);
  }

  /** Whether the dark palette is drawn (`theme="dark"`, or `auto` on a dark system). */
  private get dark(): boolean {
    return this.theme === 'dark' || (this.theme === 'auto' && (this.darkQuery?.matches ?? this.systemDark));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    (this as HTMLElement).addEventListener('keydown', this.handleKeydown);
    this.darkQuery = window.matchMedia?.(DARK_QUERY) ?? null;
    this.systemDark = this.darkQuery?.matches ?? false;
    this.darkQuery?.addEventListener('change', this.handleScheme);
    if (this.hasUpdated && !this.view) void this.start();
    else if (!this.hasUpdated) {
      this.fetchEarly();
      // MapLibre's worker loads its script now, while the element renders, not once the map is
      // made (A/B, 24 rounds three times: −27 to −66 ms to ready). It is kept for later maps.
      maplibregl.prewarm();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    (this as HTMLElement).removeEventListener('keydown', this.handleKeydown);
    this.darkQuery?.removeEventListener('change', this.handleScheme);
    this.darkQuery = null;
    this.stop();
    this.early?.abort.abort();
    this.early = null;
  }

  private handleScheme = (e: MediaQueryListEvent): void => {
    this.systemDark = e.matches;
  };

  /** Phone width: the panel is a bottom sheet (the same breakpoint as the styles). */
  private isNarrow(): boolean {
    return this.clientWidth > 0 && this.clientWidth <= 640;
  }

  protected override firstUpdated(): void {
    if (this.isNarrow()) this.panelOpen = false; // a phone: the map first
    void this.start();
    this.requestUpdate(); // the panel's contents (the first render had its box only)
  }

  /**
   * Filters before rendering, so the counts, list and legend the filters set are in this render
   * (from `updated`, they would need a second one), and the map gets the change first.
   */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.zoneData && FILTER_PROPERTIES.some((p) => changed.has(p))) this.applyFilters();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const reloaded = (name: 'zonesSrc' | 'projectsSrc' | 'basemap') => changed.has(name) && changed.get(name) !== undefined;
    if (reloaded('basemap')) {
      this.stop();
      void this.start();
      return;
    }
    if (reloaded('zonesSrc') || reloaded('projectsSrc')) void this.loadData();
    // Until the map has drawn, loadData gives it what changed meanwhile (syncMap, after idle).
    if (!this.zoneData || !this.view || !this.drawn) return;
    this.syncMap(this.view);
    if (changed.has('selected') && this.selected !== this.pickedOnMap) this.openSelected(true);
  }

  /** The language, palette and view the attributes ask the map for. */
  private mapSettings(): MapSettings {
    return { lang: this.language, dark: this.dark, view: `${this.center} ${this.zoom}` };
  }

  /** Gives the map the language, palette and view asked for since it was last given them. */
  private syncMap(view: ZonesMapView): void {
    const given = this.mapGiven;
    const asked = this.mapSettings();
    this.mapGiven = asked;
    if (!given) return;
    if (asked.lang !== given.lang) {
      view.setLang(asked.lang);
      const current = this.currentSelection();
      if (current) view.refreshPopup(current.kind, current.id);
    }
    if (asked.view !== given.view) view.jumpTo(parseView(this.center, this.zoom));
    if (asked.dark !== given.dark) view.setPalette(asked.dark ? DARK_PALETTE : PALETTE);
  }

  /** Makes the map (a message instead where WebGL is missing), then loads the data. */
  private async start(): Promise<void> {
    this.loadState = 'loading';
    this.drawn = false;
    this.mapError = null;
    // From firstUpdated the map's container is there: make the map now, before the panel's parts
    // render (their first updates are queued behind), so the style and the basemap start loading
    // first. After a basemap change the container comes with the next render.
    if (!this.renderRoot.querySelector('.map')) await this.updateComplete;
    const container = this.renderRoot.querySelector<HTMLElement>('.map');
    if (!container || !this.isConnected) return;
    this.basemapFailed = false;
    this.basemapMissing = [];
    try {
      this.view = new ZonesMapView(container, {
        lang: this.language,
        styleUrl: this.basemap?.trim() || null,
        palette: this.dark ? DARK_PALETTE : PALETTE,
        onBasemapFallback: (reason) => {
          this.basemapFailed = true;
          console.warn(`<shanxi-zones-map>: basemap ${this.basemap} failed (${reason}); drawing the offline basemap.`);
        },
        onBasemapLayerError: (url, reason) => {
          const file = url.split(/[?#]/)[0]!.split('/').pop() ?? url;
          if (!this.basemapMissing.includes(file)) this.basemapMissing = [...this.basemapMissing, file];
          console.warn(`<shanxi-zones-map>: basemap layer ${url} failed (${reason}); drawing the map without it.`);
        },
        initialView: parseView(this.center, this.zoom),
        onPick: (kind, id) => this.handlePick(kind, id),
        onHover: (id) => (this.hovered = id ?? ''),
        popupContent: (kind, id) => this.popupContent(kind, id),
      });
      this.mapGiven = this.mapSettings(); // what the map was made with
    } catch (error) {
      // No map, but the list, search, statistics and sources still work on the data.
      this.view = null;
      this.mapError = error instanceof NoWebGLError ? 'map.noWebgl' : 'map.error';
      this.dispatchEvent(createEvent('load-error', { message: t(this.language, this.mapError), problems: [(error as Error).message] }));
    }
    await this.loadData();
  }

  private dataUrls(): { zonesUrl: string; projectsUrl: string; key: string } {
    // Empty or only spaces means the shipped data: fetching '   ' would fetch the page itself.
    const zonesUrl = this.zonesSrc?.trim() || DEFAULT_ZONES_URL;
    const projectsUrl = this.projectsSrc?.trim() || DEFAULT_PROJECTS_URL;
    return { zonesUrl, projectsUrl, key: `${zonesUrl}\n${projectsUrl}` };
  }

  private fetchEarly(): void {
    const { zonesUrl, projectsUrl, key } = this.dataUrls();
    const abort = new AbortController();
    const files = fetchFiles(zonesUrl, projectsUrl, abort.signal);
    files.catch(() => undefined); // reported by the loadData that takes it over
    this.early = { key, abort, files };
  }

  /**
   * Fetches, checks and draws the data. A failure with no data yet shows the error in place of
   * the map; a failure after good data keeps that data and shows the error as a banner.
   */
  private async loadData(cache?: RequestCache): Promise<void> {
    this.abort?.abort();
    const { zonesUrl, projectsUrl, key } = this.dataUrls();
    const early = this.early;
    this.early = null;
    if (early && early.key !== key) early.abort.abort();
    const taken = early?.key === key ? early : null;
    const abort = taken?.abort ?? new AbortController();
    this.abort = abort;
    let dataset;
    let preloaded = false;
    try {
      const files = await (taken?.files ?? fetchFiles(zonesUrl, projectsUrl, abort.signal, cache));
      if (abort.signal.aborted) return;
      // Before the first draw, a large dataset goes to the map's worker as parsed: it clusters
      // the projects while they are checked here, and draws nothing unless they pass.
      preloaded = !this.drawn && this.view?.preload(files.projects) === true;
      if (preloaded) {
        // MapLibre sends the sources' data in microtasks: let them go before the check holds the thread.
        await new Promise((resolve) => setTimeout(resolve));
        if (abort.signal.aborted) return;
      }
      dataset = checkDataset(files.zones, files.projects, zonesUrl, projectsUrl);
    } catch (error) {
      if (preloaded) this.view?.dropPreloaded();
      if (!abort.signal.aborted) this.dataFailed(error);
      return;
    }
    const hadData = this.zoneData !== null;
    this.setData(dataset.zones, dataset.projects);
    this.dataError = null;
    const view = this.view;
    if (!view) {
      shareRepeatedStrings(dataset.projects);
      this.applyFilters();
      this.loadState = 'ready';
      this.loadError = null;
      if (hadData) this.reselect(); // the list's selection follows the data too
      return;
    }
    // While the style loads, the panel shows the data. Once it has loaded, the map takes them
    // first, and the panel renders after (its update is queued): the worker starts on the data
    // while the panel renders.
    if (!view.styleReady) this.applyFilters();
    try {
      await view.loaded;
      if (abort.signal.aborted || view !== this.view) return;
      if (!this.drawn) this.syncMap(view); // the data layers are made in the language asked for now
      view.setDataset(dataset.zones.features, dataset.projects.features);
      this.applyFilters();
      // Once the map's worker has the data (it clusters them meanwhile), not before.
      shareRepeatedStrings(dataset.projects);
      if (this.drawn) {
        this.reselect();
        return;
      }
      await view.idle();
      if (abort.signal.aborted || view !== this.view) return;
      this.drawn = true;
      this.syncMap(view); // lang, theme, center or zoom set while the map was loading
      this.loadState = 'ready';
      this.loadError = null;
      this.dispatchEvent(
        createEvent('ready', { zoneCount: dataset.zones.features.length, projectCount: dataset.projects.features.length }),
      );
      if (this.selected) this.openSelected(true);
    } catch (error) {
      if (!abort.signal.aborted) this.fail(error);
    }
  }

  private stop(): void {
    this.abort?.abort();
    this.abort = null;
    this.view?.destroy();
    this.view = null;
    this.drawn = false;
  }

  /** The data could not be loaded: a banner over the last good data, or the error alone. */
  private dataFailed(error: unknown): void {
    if (!this.zoneData) {
      this.fail(error);
      return;
    }
    this.dataError = { error };
    this.dispatchEvent(createEvent('load-error', errorDetail(error, this.language)));
  }

  private fail(error: unknown): void {
    this.loadState = 'error';
    this.loadError = { error };
    this.dispatchEvent(createEvent('load-error', errorDetail(error, this.language)));
  }

  /**
   * After new data are drawn, the selection follows them: its popup shows the new record (its
   * figures or place may have changed), or, when the new data no longer hold it, closes, and the
   * selection is cleared as a closed popup clears it.
   */
  private reselect(): void {
    if (!this.selected) return;
    const current = this.currentSelection();
    if (current) {
      this.view?.open(current.kind, current.id);
      return;
    }
    this.closeSelection();
  }

  /**
   * Closes the open popup and clears the selection (`select` says null). Focus that was in the
   * popup goes to the map, not to the page's body (found by hand).
   */
  private closeSelection(): void {
    const focusInPopup = Boolean(this.renderRoot.querySelector('.maplibregl-popup')?.contains(this.shadowRoot?.activeElement ?? null));
    this.view?.closePopup();
    this.handlePick(null, null);
    if (focusInPopup) this.view?.map.getCanvas().focus();
  }

  /** Escape closes the open popup, from anywhere in the element, unless a part used the key. */
  private handleKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || e.defaultPrevented || !this.renderRoot.querySelector('.maplibregl-popup')) return;
    e.preventDefault();
    this.closeSelection();
  };

  private setData(zones: ZoneCollection, projects: ProjectCollection): void {
    this.zoneData = zones;
    this.projectData = projects;
    this.filtered = new FilteredDataset(zones.features, projects.features);
    this.zonesById = this.filtered.zonesById;
    this.projectsById = new Map(projects.features.map((f) => [f.properties.id, f]));
  }

  private applyFilters(): void {
    if (!this.filtered) return;
    const filters = this.filters;
    const result = this.filtered.apply(filters);
    const { zones } = result;
    this.shownZones = zones;
    const showInPanel = (): void => {
      this.visibleZones = zones;
      this.visibleProjects = result.projects;
      this.visibleSummary = result.summary;
      // The legend counts every layer under the other filters, so hidden layers keep theirs.
      this.legendSummary = result.legendSummary;
    };
    // Drawn once the basemap is loaded and the view has the dataset (loadData calls this again).
    const paintOnly =
      this.view?.hasDataset() &&
      !this.view.show({ type: 'FeatureCollection', features: zones }, result.byIndustry, result.visibleIndustries);
    // A change the map draws by paint alone (an industry toggle) reaches the map first: the
    // panel's list, counts and charts (tens of ms at 100k projects) follow once the map has drawn
    // it, so they do not hold back its frames. When data go to the worker instead, the panel
    // renders while the worker works. The controls themselves show the new filters at once.
    if (this.view && this.drawn && paintOnly) this.view.afterDrawn(showInPanel);
    else {
      this.view?.cancelAfterDrawn();
      showInPanel();
    }
    this.updateHiddenNote();
    this.dispatchEvent(
      createEvent('filter-change', { ...filters, visibleProjects: result.summary.count, visibleZones: zones.length }),
    );
  }

  private currentSelection(): { kind: FeatureKind; id: string } | null {
    if (this.projectsById.has(this.selected)) return { kind: 'project', id: this.selected };
    if (this.zonesById.has(this.selected)) return { kind: 'zone', id: this.selected };
    return null;
  }

  private openSelected(fly: boolean): void {
    const current = this.currentSelection();
    if (!current) {
      this.view?.closePopup();
      return;
    }
    this.view?.open(current.kind, current.id, { fly });
    this.dispatchSelect(current.kind, current.id);
  }

  private handlePick(kind: FeatureKind | null, id: string | null): void {
    this.pickedOnMap = id ?? '';
    this.selected = id ?? '';
    this.dispatchSelect(kind, id);
  }

  private dispatchSelect(kind: FeatureKind | null, id: string | null): void {
    const detail =
      kind === 'zone' && id
        ? { kind, id, feature: this.zonesById.get(id)! }
        : kind === 'project' && id
          ? { kind, id, feature: this.projectsById.get(id)! }
          : { kind: null, id: null, feature: null };
    this.dispatchEvent(createEvent('select', detail));
  }

  /** A zone or project chosen in the panel (search, list): fly there and open it. */
  private handlePartPick = (e: CustomEvent<PartEventMap['szm-pick']>): void => {
    this.pickedOnMap = '';
    if (this.isNarrow()) this.panelOpen = false; // on a phone the sheet would hide what was picked
    if (this.selected === e.detail.id) this.openSelected(true);
    else this.selected = e.detail.id;
  };

  private handlePartHover = (e: CustomEvent<PartEventMap['szm-hover']>): void => {
    this.view?.highlight(e.detail.id);
  };

  private handleIndustries = (e: CustomEvent<PartEventMap['szm-industries-change']>): void => {
    this.setFilters({ industries: e.detail.industries });
  };

  private handleFilters = (e: CustomEvent<PartEventMap['szm-filters-change']>): void => {
    this.setFilters(e.detail.filters);
  };

  private async export(kind: ExportKind): Promise<void> {
    // Loaded on the first export: not every visit exports, and every visit loads the element.
    let exports: typeof import('../../data/export.js');
    try {
      exports = await import('../../data/export.js');
      this.exportFailed = false;
    } catch {
      this.exportFailed = true; // its chunk did not arrive: a notice says so
      return;
    }
    const { downloadBlob, exportFileName, mapToPngBlob, toCsv, toGeoJsonText, zonesToCsv } = exports;
    const lang = this.language;
    const save = (blob: Blob, name: string) => downloadBlob(document, blob, name);
    if (kind === 'projects-csv') {
      save(new Blob([toCsv(this.visibleProjects, this.zonesById, lang)], { type: 'text/csv;charset=utf-8' }), exportFileName('projects', 'csv'));
    } else if (kind === 'zones-csv') {
      save(new Blob([zonesToCsv(this.visibleZones, lang)], { type: 'text/csv;charset=utf-8' }), exportFileName('zones', 'csv'));
    } else if (kind === 'geojson') {
      const text = toGeoJsonText([...this.visibleZones, ...this.visibleProjects]);
      save(new Blob([text], { type: 'application/geo+json' }), exportFileName('projects', 'geojson'));
    } else if (this.view) {
      save(await mapToPngBlob(this.view.map), exportFileName('map', 'png'));
    }
  }

  private popupContent(kind: FeatureKind, id: string): HTMLElement | null {
    const lang = this.language;
    const hidden = !this.isShown(kind, id);
    this.popupHidden = hidden;
    if (kind === 'project') {
      const p = this.projectsById.get(id);
      return p ? projectPopup(p.properties, this.zonesById.get(p.properties.zone_id)?.properties, lang, hidden) : null;
    }
    const z = this.zonesById.get(id);
    if (!z) return null;
    const own = (this.projectData?.features ?? []).filter((p) => p.properties.zone_id === id);
    return zonePopup(z.properties, zoneSummary(z, own), lang, hidden);
  }

  /** Whether the filters show this zone or project on the map (a selection may name any). */
  private isShown(kind: FeatureKind, id: string): boolean {
    if (kind === 'zone') return this.shownZones.some((z) => z.properties.id === id);
    const p = this.projectsById.get(id);
    return p !== undefined && filterProjects([p], this.zonesById, this.filters).length === 1;
  }

  /** The open popup says whether the filters hide its feature: re-rendered when that changes. */
  private updateHiddenNote(): void {
    const current = this.currentSelection();
    if (!current || !this.view || !this.renderRoot.querySelector('.maplibregl-popup')) return;
    if (!this.isShown(current.kind, current.id) !== this.popupHidden) this.view.refreshPopup(current.kind, current.id);
  }

  override render() {
    const lang = this.language;
    // The first render has the panel's box only, so the map is made before its contents are laid out.
    const panel = !this.hasUpdated ? renderPanelShell(parseControls(this.controls), this.panelOpen) : renderPanel({
      lang,
      parts: parseControls(this.controls),
      tab: this.tab,
      open: this.panelOpen,
      data: this.zoneData ? 'ready' : this.loadState === 'error' ? 'failed' : 'loading',
      // From the moment the data are checked, not only once the map is ready: the list sorts every
      // project once, and does not sort the listed ones first and all of them again at ready.
      allZones: this.zoneData?.features ?? [],
      allProjects: this.projectData?.features ?? [],
      zones: this.visibleZones,
      projects: this.visibleProjects,
      filters: this.filters,
      legendSummary: this.legendSummary,
      summary: this.visibleSummary,
      selected: this.selected ?? '',
      highlighted: this.hovered,
      onTab: (tab) => (this.tab = tab),
      onToggle: () => (this.panelOpen = !this.panelOpen),
      onLang: (l) => (this.lang = l),
      onExport: (kind) => void this.export(kind),
      embed: { view: this.embedView(), ...embedUrls() },
    });
    return html`<div
      class="layout"
      @szm-pick=${this.handlePartPick}
      @szm-hover=${this.handlePartHover}
      @szm-industries-change=${this.handleIndustries}
      @szm-filters-change=${this.handleFilters}
    >
      ${panel}
      <div class="stage">${this.renderStage(lang)}</div>
    </div>`;
  }

  /** The attributes that reproduce this view, for "Embed this view" (a selected id the data lack is left out). */
  private embedView(): Record<string, string> {
    const view: Record<string, string> = {};
    for (const name of EMBED_ATTRIBUTES) {
      const value = this.getAttribute(name)?.trim();
      if (!value || (name === 'lang' && value === 'zh') || (name === 'theme' && value === 'light')) continue;
      if (name === 'selected' && this.zoneData && !this.currentSelection()) continue;
      view[name] = value;
    }
    return view;
  }

  private renderStage(lang: Lang) {
    return html`
      <div class="map" part="map" role="region" aria-label=${t(lang, 'map.label')}></div>
      ${this.basemapFailed ? html`<p class="notice" part="notice" role="status">${te(lang, 'basemap.fallback')}</p>` : nothing}
      ${this.exportFailed ? html`<p class="notice" part="notice" role="alert">${te(lang, 'export.unavailable')}</p>` : nothing}
      ${this.basemapMissing.length
        ? html`<p class="notice" part="notice" role="status">${te(lang, 'basemap.partial')} ${this.basemapMissing.join(', ')}</p>`
        : nothing}
      ${this.loadState === 'loading' && !this.mapError
        ? html`<div class="state loading" role="status" aria-live="polite">${t(lang, 'map.loading')}</div>`
        : nothing}
      ${this.mapError && this.loadState !== 'error'
        ? html`<div class="state error" role="alert"><div><strong>${t(lang, this.mapError)}</strong></div></div>`
        : nothing}
      ${this.dataError
        ? html`<div class="banner" part="banner" role="alert">
            <div>${renderError(this.dataError.error, lang, 20, true)}</div>
            <button type="button" aria-label=${t(lang, 'popup.close')} @click=${() => (this.dataError = null)}>×</button>
          </div>`
        : nothing}
      ${this.loadState === 'error' && this.loadError
        ? html`<div class="state error" role="alert"><div>${renderError(this.loadError.error, lang, 50)}</div></div>`
        : nothing}
    `;
  }

  override addEventListener<K extends keyof ShanxiZonesMapEventMap>(
    type: K,
    listener: (this: ShanxiZonesMap, ev: ShanxiZonesMapEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | ((ev: Event) => unknown),
    options?: boolean | AddEventListenerOptions,
  ): void {
    super.addEventListener(type, listener as EventListenerOrEventListenerObject, options);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shanxi-zones-map': ShanxiZonesMap;
  }
}
