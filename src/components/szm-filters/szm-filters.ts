import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { EMPTY_FILTERS, isFiltering, type Filters } from '../../data/filter.js';
import { PROJECT_STATUSES, type ProjectFeature, type ZoneFeature } from '../../data/schema.js';
import { cityLabel, formatCount, levelLabel, statusLabel } from '../../data/format.js';
import { parseLang, type Lang } from '../../i18n/strings.js';
import { tp, type PanelKey } from '../../i18n/parts-panel.js';
import { emit } from '../shared/events.js';
import { changedKeys, citiesPresent, levelsPresent, parseRange, rangeText, resetKeys, statusCounts, toggleIn, type RangeError } from './options.js';
import { partStyles } from '../shared/styles.js';
import { filtersStyles } from './szm-filters.styles.js';

type ListKey = 'statuses' | 'cities' | 'levels';

const ERROR_KEYS: Record<RangeError, PanelKey> = {
  number: 'filters.errorNumber',
  negative: 'filters.errorNegative',
  order: 'filters.errorOrder',
};

/**
 * Project status, city, zone level and investment range filters. An unticked group means no
 * restriction. Range inputs are in 亿元 (zh) or CNY bn (en); the event carries yuan.
 *
 * @summary Status, city, level and investment-range filters for the map.
 *
 * @event szm-filters-change - A filter changed. `detail: {filters}` holds only the changed keys (`statuses`, `cities`, `levels`, `investmentMin`, `investmentMax`; "Reset filters" sends every key that differs from EMPTY_FILTERS).
 *
 * @csspart group - Each fieldset (status, city, level, investment).
 * @csspart option - Each tickable option (a label around a checkbox).
 * @csspart cities - The collapsible list of cities (`<details>`).
 * @csspart range - The row of the two range inputs.
 * @csspart input - Each range input.
 * @csspart error - The range's validation message.
 * @csspart reset - The "Reset filters" button.
 *
 * @cssproperty --szm-font-family - The font stack.
 * @cssproperty --szm-text-color - Text colour.
 * @cssproperty --szm-muted-color - Secondary text (counts, hints).
 * @cssproperty --szm-border-color - Borders of fieldsets, options and inputs.
 * @cssproperty --szm-accent-color - Focus ring and ticked options.
 * @cssproperty --szm-error-color - The validation message and invalid inputs.
 */
@customElement('szm-filters')
export class SzmFilters extends LitElement {
  static override styles = [partStyles, filtersStyles];

  /** Language of the labels and of the range unit: `zh` (亿元, default) or `en` (CNY bn). */
  @property({ reflect: true }) override lang = 'zh';

  /** The current filters. */
  @property({ attribute: false }) filters: Readonly<Filters> = EMPTY_FILTERS;

  /** Every zone, to list the cities and levels present. */
  @property({ attribute: false }) zones: readonly ZoneFeature[] = [];

  /** Every project, to count projects per status. */
  @property({ attribute: false }) projects: readonly ProjectFeature[] = [];

  @state() private rangeError: { error: RangeError; field: 'min' | 'max' } | null = null;

  /** Projects per status, counted once per dataset (not per render). */
  private counts: ReturnType<typeof statusCounts> = statusCounts([]);

  @query('#min') private minInput!: HTMLInputElement;
  @query('#max') private maxInput!: HTMLInputElement;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('projects')) this.counts = statusCounts(this.projects);
    // A new range from outside, or a new unit, replaces whatever was typed.
    const old = changed.get('filters') as Readonly<Filters> | undefined;
    const newRange = old !== undefined && (old.investmentMin !== this.filters.investmentMin || old.investmentMax !== this.filters.investmentMax);
    if (newRange || changed.has('lang')) this.rangeError = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('lang') && changed.get('lang') !== undefined) {
      const lang = parseLang(this.lang);
      this.minInput.value = rangeText(this.filters.investmentMin, lang);
      this.maxInput.value = rangeText(this.filters.investmentMax, lang);
    }
  }

  private change(next: Partial<Filters>): void {
    const filters = changedKeys(this.filters, next);
    if (Object.keys(filters).length > 0) emit(this, 'szm-filters-change', { filters });
  }

  private readonly onToggle = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const key = input.name as ListKey;
    const options = key === 'statuses' ? PROJECT_STATUSES : key === 'cities' ? citiesPresent(this.zones) : levelsPresent(this.zones);
    this.change({ [key]: toggleIn<string>(this.filters[key], input.value, options) });
  };

  private readonly applyRange = (): void => {
    const r = parseRange(this.minInput.value, this.maxInput.value, parseLang(this.lang));
    this.rangeError = r.ok ? null : { error: r.error, field: r.field };
    if (r.ok) this.change({ investmentMin: r.min, investmentMax: r.max });
  };

  private readonly onRangeKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter') this.applyRange();
  };

  private clearInputs(): void {
    this.minInput.value = '';
    this.maxInput.value = '';
    this.rangeError = null;
  }

  private readonly clearRange = (): void => {
    this.clearInputs();
    this.change({ investmentMin: null, investmentMax: null });
  };

  private readonly reset = (): void => {
    this.clearInputs();
    const filters = resetKeys(this.filters);
    if (Object.keys(filters).length > 0) emit(this, 'szm-filters-change', { filters });
  };

  private options(key: ListKey, values: readonly string[], label: (v: string) => string, count?: (v: string) => string) {
    const on = this.filters[key] as readonly string[];
    return values.map(
      (v) => html`<label part="option" class="option">
        <input type="checkbox" name=${key} .value=${v} .checked=${live(on.includes(v))} @change=${this.onToggle} />
        <span dir="auto">${label(v)}</span>${count ? html`<span class="n">${count(v)}</span>` : ''}
      </label>`,
    );
  }

  private rangeInput(id: 'min' | 'max', lang: Lang) {
    const bad = this.rangeError?.field === id;
    return html`<label class="bound">
      <span>${tp(lang, id === 'min' ? 'filters.min' : 'filters.max')}</span>
      <input part="input" id=${id} type="text" inputmode="decimal" autocomplete="off" size="6"
        .value=${rangeText(id === 'min' ? this.filters.investmentMin : this.filters.investmentMax, lang)}
        aria-invalid=${bad} aria-describedby=${bad ? 'range-error' : nothing}
        @change=${this.applyRange} @keydown=${this.onRangeKey} />
    </label>`;
  }

  override render() {
    const lang = parseLang(this.lang);
    const counts = this.counts;
    const chosen = this.filters.cities.length;
    const hasRange = this.filters.investmentMin !== null || this.filters.investmentMax !== null;
    return html`
      <form @submit=${(e: Event) => e.preventDefault()} aria-label=${tp(lang, 'filters.title')}>
        <fieldset part="group" class="status">
          <legend>${tp(lang, 'filters.status')}</legend>
          ${this.options('statuses', PROJECT_STATUSES, (s) => statusLabel(s, lang), (s) => formatCount(counts[s as keyof typeof counts], lang))}
        </fieldset>
        <fieldset part="group" class="city">
          <legend>${tp(lang, 'filters.city')}</legend>
          <details part="cities" ?open=${chosen > 0}>
            <summary>${chosen === 0 ? tp(lang, 'filters.cityAll') : tp(lang, 'filters.citySome', { count: chosen })}</summary>
            <div class="cities">${this.options('cities', citiesPresent(this.zones), (c) => cityLabel(c, lang))}</div>
          </details>
        </fieldset>
        <fieldset part="group" class="level">
          <legend>${tp(lang, 'filters.level')}</legend>
          ${this.options('levels', levelsPresent(this.zones), (l) => levelLabel(l, lang))}
        </fieldset>
        <fieldset part="group" class="investment">
          <legend>${tp(lang, 'filters.investment')}</legend>
          <div part="range" class="range">
            ${this.rangeInput('min', lang)}<span aria-hidden="true">–</span>${this.rangeInput('max', lang)}
            <button type="button" class="clear" ?disabled=${!hasRange && !this.rangeError} @click=${this.clearRange}>${tp(lang, 'filters.clearRange')}</button>
          </div>
          <p part="error" id="range-error" class="error" role="alert">${this.rangeError ? tp(lang, ERROR_KEYS[this.rangeError.error]) : ''}</p>
        </fieldset>
        <p class="hint">${tp(lang, 'filters.anyHint')}</p>
        <button part="reset" type="button" class="reset" ?disabled=${!isFiltering(this.filters as Filters)} @click=${this.reset}>${tp(lang, 'filters.reset')}</button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'szm-filters': SzmFilters;
  }
}
