import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { cityLabel, formatDate, formatMoney, industryLabel, projectName, statusLabel, zoneName, zoneShortName } from '../../data/format.js';
import { industry } from '../../data/industries.js';
import type { ProjectFeature, ZoneFeature } from '../../data/schema.js';
import { parseLang, type Lang } from '../../i18n/strings.js';
import { tf } from '../../i18n/parts-find.js';
import { emit, type PickKind } from '../shared/events.js';
import { isSortKey, SORT_KEYS, sortProjects, sortZones, totalsByZone, type SortKey } from './sort.js';
import { listStyles } from './szm-list.styles.js';

/** One row, its text worked out once per data, sort or language change (never in render). */
interface Row {
  kind: PickKind;
  id: string;
  name: string;
  meta: string;
  /** A project's investment (formatMoney); '' for a zone. */
  money: string;
  /** A project's status and status date; '' for a zone. */
  status: string;
  color: string;
}

/**
 * The zones and projects under the current filters, as one keyboard-operable list: an ARIA
 * listbox with a group of zones and a group of projects, one tab stop (roving tabindex).
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
 * @cssproperty --szm-list-max-height - Height of the scrolling list (default 28rem).
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
  /** Id of the selected zone or project: marked and scrolled into view. */
  @property() selected = '';
  /** Id of the zone or project under the pointer on the map: highlighted. */
  @property() highlighted = '';
  /** Order of both groups: `investment` (default), `date` or `name`. */
  @property({ reflect: true }) sort: SortKey = 'investment';

  @state() private active = 0;
  @state() private rows: Row[] = [];
  private zoneCount = 0;
  private lastHover = '';
  @query('.box') private box!: HTMLElement | null;

  private get language(): Lang {
    return parseLang(this.lang);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (['zones', 'projects', 'allZones', 'sort', 'lang'].some((k) => changed.has(k))) {
      const activeId = this.rows[this.active]?.id;
      this.rows = this.buildRows();
      const kept = activeId === undefined ? -1 : this.rows.findIndex((r) => r.id === activeId);
      this.active = kept >= 0 ? kept : Math.max(0, this.indexOf(this.selected));
    }
    if (changed.has('selected') && this.indexOf(this.selected) >= 0) this.active = this.indexOf(this.selected);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('selected') && this.selected) this.rowEl(this.indexOf(this.selected))?.scrollIntoView({ block: 'nearest' });
  }

  private buildRows(): Row[] {
    const lang = this.language;
    const sort: SortKey = isSortKey(this.sort) ? this.sort : 'investment';
    const totals = totalsByZone(this.projects);
    const named = new Map((this.allZones ?? this.zones).map((z) => [z.properties.id, z.properties]));
    for (const z of this.zones) named.set(z.properties.id, z.properties);
    const zoneRows = sortZones(this.zones, sort, lang, totals).map(({ properties: z }): Row => ({
      kind: 'zone',
      id: z.id,
      name: zoneName(z, lang),
      meta: `${cityLabel(z.city, lang)} · ${tf(lang, 'list.projectCount', { count: totals.get(z.id)?.count ?? 0 })}`,
      money: '',
      status: '',
      color: '',
    }));
    this.zoneCount = zoneRows.length;
    const projectRows = sortProjects(this.projects, sort, lang).map(({ properties: p }): Row => {
      const zone = named.get(p.zone_id);
      return {
        kind: 'project',
        id: p.id,
        name: projectName(p, lang),
        meta: [zone ? zoneShortName(zone, lang) : '', industryLabel(p.industry, lang)].filter(Boolean).join(' · '),
        money: formatMoney(p.investment_cny, lang),
        status: `${statusLabel(p.status, lang)} ${formatDate(p.status_date, lang)}`.trim(),
        color: industry(p.industry)?.color ?? '#888',
      };
    });
    return [...zoneRows, ...projectRows];
  }

  private indexOf(id: string): number {
    return id ? this.rows.findIndex((r) => r.id === id) : -1;
  }

  private rowEl(i: number): HTMLElement | null {
    return i < 0 ? null : this.renderRoot.querySelector<HTMLElement>(`[data-i="${i}"]`);
  }

  private rowOf(e: Event): number {
    const el = (e.target as Element).closest?.('[data-i]');
    return el ? Number(el.getAttribute('data-i')) : -1;
  }

  private hover(i: number): void {
    const r = this.rows[i];
    const key = r ? `${r.kind}:${r.id}` : '';
    if (key === this.lastHover) return;
    this.lastHover = key;
    emit(this, 'szm-hover', r ? { kind: r.kind, id: r.id } : { kind: null, id: null });
  }

  private pick(i: number): void {
    const r = this.rows[i];
    if (!r) return;
    this.active = i;
    this.selected = r.id;
    emit(this, 'szm-pick', { kind: r.kind, id: r.id });
  }

  private moveTo(i: number): void {
    const next = Math.max(0, Math.min(this.rows.length - 1, i));
    this.active = next;
    // Focus at once (the row exists); the tabindex follows on the next render.
    const el = this.rowEl(next);
    el?.setAttribute('tabindex', '0');
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: 'nearest' });
  }

  private onKeyDown(e: KeyboardEvent): void {
    const i = this.rowOf(e);
    if (i < 0) return;
    const row = this.rowEl(i);
    const page = row && this.box ? Math.max(1, Math.floor(this.box.clientHeight / row.offsetHeight) - 1) : 10;
    const to: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: this.rows.length - 1, PageDown: i + page, PageUp: i - page };
    if (e.key in to) this.moveTo(to[e.key]!);
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

  private renderRow(r: Row, i: number) {
    const sel = r.id === this.selected;
    const hl = r.id === this.highlighted;
    return html`<li role="option" data-i=${i} data-id=${r.id} class="row ${r.kind}${hl ? ' hl' : ''}" tabindex=${i === this.active ? 0 : -1}
      aria-selected=${sel ? 'true' : 'false'} part="row ${r.kind}${sel ? ' selected' : ''}${hl ? ' highlighted' : ''}">
      <span class="swatch" .style=${r.color ? `--c:${r.color}` : ''} aria-hidden="true"></span>
      <span class="name">${r.name}</span>
      <span class="meta">${r.meta}</span>
      ${r.kind === 'project' ? html`<span class="detail">${r.money} · <span class="status">${r.status}</span></span>` : nothing}
    </li>`;
  }

  override render() {
    const lang = this.language;
    const zones = this.rows.slice(0, this.zoneCount);
    const projects = this.rows.slice(this.zoneCount);
    const group = (key: 'zones' | 'projects', rows: Row[], offset: number) =>
      rows.length === 0
        ? nothing
        : html`<ul role="group" aria-labelledby="h-${key}">
            <li role="presentation" id="h-${key}" class="heading" part="heading">${tf(lang, `list.${key}`, { count: rows.length })}</li>
            ${rows.map((r, j) => this.renderRow(r, offset + j))}
          </ul>`;
    return html`
      <div class="bar">
        <label for="sort">${tf(lang, 'list.sort')}</label>
        <select id="sort" part="sort" @change=${this.onSort}>
          ${SORT_KEYS.map((k) => html`<option value=${k} .selected=${k === this.sort}>${tf(lang, `sort.${k}`)}</option>`)}
        </select>
      </div>
      ${this.rows.length === 0
        ? html`<p class="empty" part="empty" role="status">${tf(lang, 'list.empty')}</p>`
        : html`<div class="box" role="listbox" part="listbox" aria-label=${tf(lang, 'list.label')}
            @keydown=${this.onKeyDown} @click=${(e: Event) => this.pick(this.rowOf(e))} @focusin=${this.onFocusIn}
            @focusout=${this.onLeave} @mouseover=${(e: Event) => this.hover(this.rowOf(e))} @mouseleave=${this.onLeave}>
            ${group('zones', zones, 0)}${group('projects', projects, this.zoneCount)}
          </div>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'szm-list': SzmList;
  }
}
