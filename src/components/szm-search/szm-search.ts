import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { zoneShortName } from '../../data/format.js';
import type { ProjectFeature, ZoneFeature, ZoneProperties } from '../../data/schema.js';
import type { SearchIndex, SearchResult } from '../../data/search.js';
import { parseLang, type Lang } from '../../i18n/strings.js';
import { tf } from '../../i18n/parts-find.js';
import { emit } from '../shared/events.js';
import { searchStyles } from './szm-search.styles.js';

type SearchModule = typeof import('../../data/search.js');
/** search.ts and pinyin-pro, loaded once on first use: a chunk of their own. */
let searchModule: Promise<SearchModule> | null = null;

/**
 * One box that finds zones and projects by Chinese or English name, full pinyin or initials.
 * An ARIA 1.2 combobox: the input keeps focus, `aria-activedescendant` points at the active
 * option of a listbox popup, and a live region says how many results there are.
 *
 * @summary A search box for zones and projects (pinyin works).
 *
 * @event szm-pick - A result was chosen (Enter or click). `detail: {kind, id}`.
 *
 * @csspart input - The text box.
 * @csspart clear - The clear button (pointer only; Escape twice clears from the keyboard).
 * @csspart listbox - The results popup.
 * @csspart option - A result; the active one also has `option-active`.
 * @csspart tag - A result's kind (开发区 / 项目).
 * @csspart empty - The "no results" message.
 *
 * @cssproperty --szm-search-font-size - Base font size (default 0.875rem; the input is ≥ 16px).
 * @cssproperty --szm-search-text-color - Text colour.
 * @cssproperty --szm-search-muted-color - Secondary text and placeholder.
 * @cssproperty --szm-search-background - Box and popup background.
 * @cssproperty --szm-search-border-color - Borders.
 * @cssproperty --szm-search-accent-color - Focus ring and the active option's edge.
 * @cssproperty --szm-search-active-background - The active option.
 * @cssproperty --szm-search-popup-max-height - Height of the results popup (default 22rem).
 * @cssproperty --szm-search-z-index - Stacking of the popup (default 10).
 */
@customElement('szm-search')
export class SzmSearch extends LitElement {
  static override styles = searchStyles;

  /** Language of the UI and names: `zh` (default) or `en`. */
  @property({ reflect: true }) override lang = 'zh';
  /** Every zone (the index is built from these and `projects` on first use). */
  @property({ attribute: false }) zones: ZoneFeature[] = [];
  /** Every project. */
  @property({ attribute: false }) projects: ProjectFeature[] = [];
  /** The most results shown. */
  @property({ type: Number }) limit = 12;

  @state() private query = '';
  @state() private results: SearchResult[] = [];
  /** Whether the popup (results or "no results") is shown. */
  @state() private expanded = false;
  @state() private active = -1;
  @state() private status = '';
  private index: SearchIndex | null = null;
  private module: SearchModule | null = null;
  /** A project's zone, by project id. */
  private zoneOf = new Map<string, ZoneProperties>();

  private get language(): Lang {
    return parseLang(this.lang);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('zones') || changed.has('projects')) {
      this.index = null;
      const zones = new Map(this.zones.map((z) => [z.properties.id, z.properties]));
      this.zoneOf = new Map();
      for (const { properties: p } of this.projects) {
        const z = zones.get(p.zone_id);
        if (z) this.zoneOf.set(p.id, z);
      }
      if (this.query.trim() !== '' && this.hasUpdated) void this.refresh();
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('active') && this.active >= 0) {
      this.renderRoot.querySelector(`#opt-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  /** Loads search.ts (with pinyin-pro) and indexes the current data, once per data change. */
  private async ensureIndex(): Promise<SearchIndex> {
    if (this.index) return this.index;
    const { zones, projects } = this;
    this.module = await (searchModule ??= import('../../data/search.js'));
    if (zones !== this.zones || projects !== this.projects) return this.ensureIndex();
    this.index ??= this.module.buildSearchIndex(zones, projects);
    return this.index;
  }

  /** Loads the search on focus, before the first keystroke; a failure is reported by `refresh`. */
  private prefetch = (): void => {
    this.ensureIndex().catch(() => {
      searchModule = null;
    });
  };

  /** Runs the current query once the index is ready. */
  private async refresh(): Promise<void> {
    if (!this.module) this.status = tf(this.language, 'search.loading');
    let index: SearchIndex;
    try {
      index = await this.ensureIndex();
    } catch {
      // The search's chunk did not arrive (offline, a server error): say so, and try again on
      // the next keystroke rather than keep the failed promise.
      searchModule = null;
      this.status = tf(this.language, 'search.failed');
      return;
    }
    this.run(index, true);
  }

  /** Runs the current query; `announce` puts the number of results in the live region. */
  private run(index: SearchIndex, announce: boolean): void {
    const hits = this.module!.search(index, this.query, Infinity);
    this.results = hits.slice(0, this.limit);
    this.active = -1;
    const lang = this.language;
    if (!announce) return;
    this.status =
      this.query.trim() === '' ? '' :
      hits.length === 0 ? tf(lang, 'search.none') :
      hits.length > this.results.length ? tf(lang, 'search.countShown', { count: hits.length, shown: this.results.length }) :
      tf(lang, 'search.count', { count: hits.length });
  }

  private onInput(e: InputEvent): void {
    this.query = (e.target as HTMLInputElement).value;
    this.expanded = this.query.trim() !== '';
    void this.refresh();
  }

  private onKeyDown(e: KeyboardEvent): void {
    const n = this.results.length;
    const open = this.expanded && n > 0;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (this.query.trim() === '') return;
        const down = e.key === 'ArrowDown';
        if (!open) {
          this.expanded = true;
          this.active = n === 0 ? -1 : down ? 0 : n - 1;
        } else this.active = down ? (this.active + 1) % n : this.active <= 0 ? n - 1 : this.active - 1;
        break;
      }
      case 'Home':
      case 'End':
        if (!open || this.active < 0) return; // else the caret moves in the text
        this.active = e.key === 'Home' ? 0 : n - 1;
        break;
      case 'Enter':
        if (!open) return;
        this.choose(Math.max(0, this.active));
        break;
      case 'Escape':
        if (this.expanded) this.close();
        else if (this.query !== '') this.clear();
        else return;
        break;
      case 'Tab':
        this.close();
        return;
      default:
        return;
    }
    e.preventDefault();
  }

  private close(): void {
    this.expanded = false;
    this.active = -1;
  }

  private clear(): void {
    this.query = '';
    this.results = [];
    this.status = '';
    this.close();
    this.renderRoot.querySelector('input')?.focus();
  }

  private choose(i: number): void {
    const r = this.results[i];
    if (!r) return;
    this.query = this.language === 'zh' ? r.name_zh || r.name_en : r.name_en || r.name_zh;
    if (this.index) this.run(this.index, false); // ArrowDown re-opens on the chosen name
    this.close();
    emit(this, 'szm-pick', { kind: r.kind, id: r.id });
  }

  private renderOption(r: SearchResult, i: number, lang: Lang) {
    const [primary, other] = lang === 'zh' ? [r.name_zh, r.name_en] : [r.name_en, r.name_zh];
    const zone = r.kind === 'project' ? this.zoneOf.get(r.id) : undefined;
    return html`<li role="option" id="opt-${i}" class="option" data-kind=${r.kind} data-id=${r.id} aria-selected=${i === this.active ? 'true' : 'false'}
      part=${i === this.active ? 'option option-active' : 'option'} @click=${() => this.choose(i)}>
      <span class="name">${primary || other}</span>
      <span class="tag ${r.kind}" part="tag">${tf(lang, `kind.${r.kind}`)}</span>
      ${primary && other ? html`<span class="alt" lang=${lang === 'zh' ? 'en' : 'zh'}>${other}</span>` : nothing}
      ${zone ? html`<span class="zone-of">${zoneShortName(zone, lang)}</span>` : nothing}
    </li>`;
  }

  override render() {
    const lang = this.language;
    const open = this.expanded && this.results.length > 0;
    const empty = this.expanded && this.index !== null && this.results.length === 0 && this.query.trim() !== '';
    return html`
      <label class="vh" for="input">${tf(lang, 'search.label')}</label>
      <div class="field">
        <input id="input" part="input" type="text" role="combobox" autocomplete="off" spellcheck="false"
          aria-autocomplete="list" aria-controls="listbox" aria-expanded=${open ? 'true' : 'false'}
          aria-activedescendant=${open && this.active >= 0 ? `opt-${this.active}` : nothing}
          placeholder=${tf(lang, 'search.placeholder')} .value=${live(this.query)}
          @input=${this.onInput} @keydown=${this.onKeyDown} @focus=${this.prefetch} @blur=${this.close} />
        ${this.query ? html`<button class="clear" part="clear" type="button" tabindex="-1" aria-label=${tf(lang, 'search.clear')}
          @mousedown=${(e: Event) => e.preventDefault()} @click=${this.clear}>×</button>` : nothing}
      </div>
      <ul id="listbox" class="popup" part="listbox" role="listbox" aria-label=${tf(lang, 'search.results')} ?hidden=${!open}
        @mousedown=${(e: Event) => e.preventDefault()}>
        ${open ? this.results.map((r, i) => this.renderOption(r, i, lang)) : nothing}
      </ul>
      ${empty ? html`<div class="popup empty" part="empty">${tf(lang, 'search.noneFor', { query: this.query.trim() })}</div>` : nothing}
      <div class="vh" role="status">${this.status}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'szm-search': SzmSearch;
  }
}
