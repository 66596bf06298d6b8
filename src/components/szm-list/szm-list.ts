import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { cityLabel, formatDate, formatMoney, industryLabel, projectName, statusLabel, zoneName, zoneShortName } from '../../data/format.js';
import { industry } from '../../data/industries.js';
import type { ProjectFeature, ProjectProperties, ZoneFeature, ZoneProperties } from '../../data/schema.js';
import { parseLang, type Lang } from '../../i18n/strings.js';
import { tf } from '../../i18n/parts-find.js';
import { emit, type PickKind } from '../shared/events.js';
import {
  isSortKey, OrderCache, OrderedItems, projectOrder, SORT_KEYS, sortZones, totalsByZone, visibleInOrder, visiblePositions, zoneOrder, type SortKey, type ZoneTotals,
} from './sort.js';
import { listStyles } from './szm-list.styles.js';
import { VisibleArea, type Visible } from './visible-area.js';
import { FULL_LIST_MAX, groupSlots, HEADING_EM, PROJECT_ROW_EM, rowWindow, type ListGeometry, type RowRange, type Slot, ZONE_ROW_EM } from './window.js';

/** A row's text, worked out when the row is first rendered (never for rows off screen). */
interface RowText {
  name: string;
  /** The zone's short name (a project) or city (a zone): text from the data, isolated when shown. */
  place: string;
  /** What follows the place: the industry (a project) or the count of projects (a zone). */
  meta: string;
  /** A project's investment (formatMoney); '' for a zone. */
  money: string;
  /** A project's status and status date; '' for a zone. */
  status: string;
  color: string;
}

/** Row texts kept before the caches start again (scrolling through 100k rows). */
const TEXT_CACHE_MAX = 5000;

/**
 * The zones and projects under the current filters, as one keyboard-operable list: an ARIA
 * listbox with a group of zones and a group of projects, one tab stop (roving tabindex).
 *
 * The list is virtual: rows have a fixed height and only those in view, plus a margin, are in
 * the DOM (every row up to 200); spacers keep the scrollbar right. The focusable row is always
 * rendered, and the keys walk every row, rendered or not. Each option carries `aria-posinset`
 * and `aria-setsize` within its group (zones, projects).
 *
 * @summary The filtered zones and projects as a sortable, accessible list.
 *
 * @event szm-pick - A row was chosen (click, Enter or Space). `detail: {kind, id}`.
 * @event szm-hover - A row is under the pointer or has focus; `{kind: null, id: null}` when none.
 * @event change - The user chose another sort order; read `sort`.
 *
 * @csspart sort - The sort `<select>`.
 * @csspart listbox - The scrolling listbox.
 * @csspart heading - A group's heading (开发区（N） / 项目（N）).
 * @csspart row - Every row; rows also carry `zone` or `project`, and `selected` / `highlighted`.
 * @csspart empty - The message shown when nothing matches.
 *
 * @cssproperty --szm-list-max-height - Height of the scrolling list (default 28rem); `none` lets a scrolling ancestor scroll it.
 * @cssproperty --szm-list-font-size - Base font size (default 0.875rem).
 * @cssproperty --szm-list-text-color - Text colour.
 * @cssproperty --szm-list-muted-color - Secondary text.
 * @cssproperty --szm-list-background - The list's background.
 * @cssproperty --szm-list-border-color - Borders and separators.
 * @cssproperty --szm-list-hover-background - A row under the pointer.
 * @cssproperty --szm-list-highlight-background - The row hovered on the map (`highlighted`).
 * @cssproperty --szm-list-selected-background - The `selected` row.
 * @cssproperty --szm-list-accent-color - The selected row's edge and name.
 * @cssproperty --szm-list-focus-color - The focus ring.
 */
@customElement('szm-list')
export class SzmList extends LitElement {
  static override styles = listStyles;

  /** Language of the UI and names: `zh` (default) or `en`. */
  @property({ reflect: true }) override lang = 'zh';
  /** The zones to list (already filtered). */
  @property({ attribute: false }) zones: ZoneFeature[] = [];
  /** The projects to list (already filtered). */
  @property({ attribute: false }) projects: ProjectFeature[] = [];
  /** Every zone, to name a project's zone when its zone is filtered out (defaults to `zones`). */
  @property({ attribute: false }) allZones: ZoneFeature[] | null = null;
  /** Every project (stable across filters): sorted once per sort and language, `projects` picked from it in order. */
  @property({ attribute: false }) allProjects: ProjectFeature[] | null = null;
  /** Id of the selected zone or project: marked and scrolled into view. */
  @property() selected = '';
  /** Id of the zone or project under the pointer on the map: highlighted. */
  @property() highlighted = '';
  /** Order of both groups: `investment` (default), `date` or `name`. */
  @property({ reflect: true }) sort: SortKey = 'investment';

  /** The row with the tab stop, counted across both groups (zones first). */
  @state() private active = 0;
  private zoneRows: ZoneFeature[] = [];
  private projectRows: OrderedItems<ProjectFeature> = OrderedItems.EMPTY;
  private totals = new Map<string, ZoneTotals>();
  private zonesById = new Map<string, ZoneProperties>();
  private zoneTexts = new Map<string, RowText>();
  private projectTexts = new Map<string, RowText>();
  private readonly projectOrders = new OrderCache<ProjectFeature>();
  /** The rows in the DOM (besides the active one). */
  private range: RowRange = [0, 0];
  /** The part of the list on screen, px; a guess until the first measure. */
  private visible: Visible = { top: 0, bottom: 1000 };
  private fontPx = 14;
  private remeasures = 0;
  private lastHover = '';
  @query('.box') private box!: HTMLElement | null;
  private readonly area = new VisibleArea(this, () => this.box, () => this.onViewport());

  private get language(): Lang {
    return parseLang(this.lang);
  }

  private get geometry(): ListGeometry {
    const em = this.fontPx;
    return { zones: this.zoneRows.length, projects: this.projectRows.length, zoneRow: ZONE_ROW_EM * em, projectRow: PROJECT_ROW_EM * em, heading: HEADING_EM * em };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((['zones', 'projects', 'allZones', 'allProjects', 'sort', 'lang'] as const).some((k) => changed.has(k))) {
      const was = this.rowAt(this.active);
      this.order(changed);
      const kept = was ? this.indexOf(was.id, was.kind) : -1;
      this.active = kept >= 0 ? kept : Math.max(0, this.indexOf(this.selected));
    }
    const selected = changed.has('selected') ? this.indexOf(this.selected) : -1;
    if (selected >= 0) this.active = selected;
    this.range = rowWindow(this.geometry, this.visible.top, this.visible.bottom);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('selected') && this.selected) this.jumpTo(this.rowEl(this.indexOf(this.selected)));
    // New data or a scroll into view can change what is on screen: render that (a few times at most).
    if (this.remeasure() && this.remeasures++ < 3) this.requestUpdate();
    else this.remeasures = 0;
  }

  /** Sorts both groups, reusing what does not depend on the change. */
  private order(changed: PropertyValues<this>): void {
    const lang = this.language;
    const sort: SortKey = isSortKey(this.sort) ? this.sort : 'investment';
    if (changed.has('lang')) this.projectTexts.clear();
    if (changed.has('zones') || changed.has('allZones')) {
      this.zonesById = new Map((this.allZones ?? this.zones).map((z) => [z.properties.id, z.properties]));
      for (const z of this.zones) this.zonesById.set(z.properties.id, z.properties);
      this.projectTexts.clear();
    }
    if (changed.has('projects')) this.totals = totalsByZone(this.projects);
    this.zoneTexts.clear(); // a zone's row counts its listed projects
    // Zones are few, and their investment and date come from the listed projects: order them each time.
    const allZones = this.allZones ?? this.zones;
    this.zoneRows =
      visibleInOrder(allZones, zoneOrder(allZones, sort, lang, this.totals), this.zones) ?? sortZones(this.zones, sort, lang, this.totals);
    // Projects: every project sorted once per sort and language; a filter change only picks from it.
    const all = this.allProjects ?? this.projects;
    const order = this.projectOrders.get(all, `${sort} ${lang}`, () => projectOrder(all, sort, lang));
    const positions = visiblePositions(all, order, this.projects);
    this.projectRows = positions
      ? new OrderedItems(all, positions)
      : new OrderedItems(this.projects, projectOrder(this.projects, sort, lang));
  }

  private rowAt(i: number): { kind: PickKind; id: string } | null {
    const zone = this.zoneRows[i];
    if (zone) return { kind: 'zone', id: zone.properties.id };
    const project = this.projectRows.at(i - this.zoneRows.length);
    return project ? { kind: 'project', id: project.properties.id } : null;
  }

  /** The row of a zone or project id (zones first), -1 when not listed. */
  private indexOf(id: string, kind?: PickKind): number {
    if (!id) return -1;
    const z = kind === 'project' ? -1 : this.zoneRows.findIndex((f) => f.properties.id === id);
    if (z >= 0 || kind === 'zone') return z;
    const p = this.projectRows.findIndex((f) => f.properties.id === id);
    return p < 0 ? -1 : this.zoneRows.length + p;
  }

  /** Scrolls a row into view, every row laid out first (see the styles: `.jumped`). */
  private jumpTo(row: HTMLElement | null): void {
    if (!row) return;
    this.box?.classList.add('jumped');
    row.scrollIntoView({ block: 'nearest' });
  }

  private rowEl(i: number): HTMLElement | null {
    return i < 0 ? null : this.renderRoot.querySelector<HTMLElement>(`[data-i="${i}"]`);
  }

  private rowOf(e: Event): number {
    const el = (e.target as Element).closest?.('[data-i]');
    return el ? Number(el.getAttribute('data-i')) : -1;
  }

  private zoneText(z: ZoneProperties): RowText {
    let text = this.zoneTexts.get(z.id);
    if (!text) {
      const lang = this.language;
      const count = this.totals.get(z.id)?.count ?? 0;
      text = { name: zoneName(z, lang), place: cityLabel(z.city, lang), meta: tf(lang, 'list.projectCount', { count }), money: '', status: '', color: '' };
      if (this.zoneTexts.size >= TEXT_CACHE_MAX) this.zoneTexts.clear();
      this.zoneTexts.set(z.id, text);
    }
    return text;
  }

  private projectText(p: ProjectProperties): RowText {
    let text = this.projectTexts.get(p.id);
    if (!text) {
      const lang = this.language;
      const zone = this.zonesById.get(p.zone_id);
      text = {
        name: projectName(p, lang),
        place: zone ? zoneShortName(zone, lang) : '',
        meta: industryLabel(p.industry, lang),
        money: formatMoney(p.investment_cny, lang),
        status: `${statusLabel(p.status, lang)} ${formatDate(p.status_date, lang)}`.trim(),
        color: industry(p.industry)?.color ?? '#888',
      };
      if (this.projectTexts.size >= TEXT_CACHE_MAX) this.projectTexts.clear();
      this.projectTexts.set(p.id, text);
    }
    return text;
  }

  /** Reads what part of the list is on screen; true when that needs other rows rendered. */
  private remeasure(): boolean {
    const box = this.box;
    // A short list renders every row (FULL_LIST_MAX): nothing on screen to measure.
    if (!box || this.zoneRows.length + this.projectRows.length <= FULL_LIST_MAX) return false;
    const font = parseFloat(getComputedStyle(box).fontSize);
    const fontChanged = font > 0 && font !== this.fontPx;
    if (fontChanged) this.fontPx = font;
    this.visible = this.area.measure() ?? this.visible;
    const [start, end] = rowWindow(this.geometry, this.visible.top, this.visible.bottom);
    return fontChanged || start !== this.range[0] || end !== this.range[1];
  }

  private onViewport(): void {
    if (this.remeasure()) this.requestUpdate();
  }

  private hover(i: number): void {
    const r = this.rowAt(i);
    const key = r ? `${r.kind}:${r.id}` : '';
    if (key === this.lastHover) return;
    this.lastHover = key;
    emit(this, 'szm-hover', r ?? { kind: null, id: null });
  }

  private pick(i: number): void {
    const r = this.rowAt(i);
    if (!r) return;
    this.active = i;
    this.selected = r.id;
    emit(this, 'szm-pick', r);
  }

  /** Moves the tab stop to row `i`, rendered or not, and focuses it in view. */
  private async moveTo(i: number): Promise<void> {
    const next = Math.max(0, Math.min(this.zoneRows.length + this.projectRows.length - 1, i));
    this.active = next;
    // A rendered row takes focus at once (its tabindex follows on the next render); another one
    // is rendered first, since the active row always is.
    let el = this.rowEl(next);
    if (!el) {
      await this.updateComplete;
      el = this.rowEl(next);
    }
    el?.setAttribute('tabindex', '0');
    el?.focus({ preventScroll: true });
    this.jumpTo(el);
    this.onViewport();
  }

  private onKeyDown(e: KeyboardEvent): void {
    const i = this.rowOf(e);
    if (i < 0) return;
    const g = this.geometry;
    const page = Math.max(1, Math.floor((this.visible.bottom - this.visible.top) / (i < g.zones ? g.zoneRow : g.projectRow)) - 1);
    const last = this.zoneRows.length + this.projectRows.length - 1;
    const to: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: last, PageDown: i + page, PageUp: i - page };
    if (e.key in to) void this.moveTo(to[e.key]!);
    else if (e.key === 'Enter' || e.key === ' ') this.pick(i);
    else return;
    e.preventDefault();
  }

  private onFocusIn(e: FocusEvent): void {
    const i = this.rowOf(e);
    if (i >= 0) {
      this.active = i;
      this.hover(i);
    }
  }

  private onLeave(e: Event): void {
    const to = (e as FocusEvent).relatedTarget as Node | null;
    if (to && this.box?.contains(to)) return;
    // The pointer leaving a list that still has focus: the focused row is the one in hand.
    const focused = e.type === 'mouseleave' ? this.renderRoot.querySelector<HTMLElement>('[data-i]:focus') : null;
    this.hover(focused ? Number(focused.dataset.i) : -1);
  }

  private onSort(e: Event): void {
    const value = (e.target as HTMLSelectElement).value;
    if (!isSortKey(value) || value === this.sort) return;
    this.sort = value;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private renderRow(i: number) {
    const zones = this.zoneRows.length;
    const kind: PickKind = i < zones ? 'zone' : 'project';
    const props = kind === 'zone' ? this.zoneRows[i]!.properties : this.projectRows.at(i - zones)!.properties;
    const r = kind === 'zone' ? this.zoneText(props as ZoneProperties) : this.projectText(props as ProjectProperties);
    const sel = props.id === this.selected;
    const hl = props.id === this.highlighted;
    return html`<li role="option" data-i=${i} data-id=${props.id} class="row ${kind}${hl ? ' hl' : ''}" tabindex=${i === this.active ? 0 : -1}
      aria-selected=${sel ? 'true' : 'false'} aria-setsize=${kind === 'zone' ? zones : this.projectRows.length}
      aria-posinset=${kind === 'zone' ? i + 1 : i - zones + 1} part="row ${kind}${sel ? ' selected' : ''}${hl ? ' highlighted' : ''}">
      <span class="swatch" .style=${r.color ? `--c:${r.color}` : ''} aria-hidden="true"></span>
      <span class="name" title=${r.name}>${r.name}</span>
      <span class="meta"><bdi>${r.place}</bdi>${r.place && r.meta ? ' · ' : ''}${r.meta}</span>
      ${kind === 'project' ? html`<span class="detail">${r.money} · <span class="status">${r.status}</span></span>` : nothing}
    </li>`;
  }

  private renderGroup(key: 'zones' | 'projects', first: number, count: number) {
    if (count === 0) return nothing;
    const g = this.geometry;
    const row = key === 'zones' ? g.zoneRow : g.projectRow;
    return html`<ul role="group" aria-labelledby="h-${key}">
      <li role="presentation" id="h-${key}" class="heading" part="heading">${tf(this.language, `list.${key}`, { count })}</li>
      ${repeat(
        groupSlots(first, count, this.range, this.active),
        (s: Slot) => ('row' in s ? `row ${this.rowAt(s.row)!.id}` : `gap ${s.before}`),
        (s: Slot) =>
          'row' in s ? this.renderRow(s.row) : html`<li role="presentation" aria-hidden="true" class="gap" .style=${`height:${s.gap * row}px`}></li>`,
      )}
    </ul>`;
  }

  override render() {
    const lang = this.language;
    const zones = this.zoneRows.length;
    return html`
      <div class="bar">
        <label for="sort">${tf(lang, 'list.sort')}</label>
        <select id="sort" part="sort" @change=${this.onSort}>
          ${SORT_KEYS.map((k) => html`<option value=${k} .selected=${k === this.sort}>${tf(lang, `sort.${k}`)}</option>`)}
        </select>
      </div>
      ${zones + this.projectRows.length === 0
        ? html`<p class="empty" part="empty" role="status">${tf(lang, 'list.empty')}</p>`
        : html`<div class="box" role="listbox" part="listbox" aria-label=${tf(lang, 'list.label')}
            @keydown=${this.onKeyDown} @click=${(e: Event) => this.pick(this.rowOf(e))} @focusin=${this.onFocusIn}
            @focusout=${this.onLeave} @mouseover=${(e: Event) => this.hover(this.rowOf(e))} @mouseleave=${this.onLeave}
            @scroll=${this.onViewport}>
            ${this.renderGroup('zones', 0, zones)}${this.renderGroup('projects', zones, this.projectRows.length)}
          </div>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'szm-list': SzmList;
  }
}
