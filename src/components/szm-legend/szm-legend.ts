import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { INDUSTRIES, type IndustryId } from '../../data/industries.js';
import type { GroupTotals, Summary } from '../../data/stats.js';
import { formatCount, formatMoney } from '../../data/format.js';
import { parseLang, type Lang } from '../../i18n/strings.js';
import { tp } from '../../i18n/parts-panel.js';
import { emit } from '../shared/events.js';
import { noIndustries, selectionList, shownLayers, toggleLayer } from './selection.js';
import type { Filters } from '../../data/filter.js';
import { partStyles } from '../shared/styles.js';
import { legendStyles } from './szm-legend.styles.js';

/**
 * The industry-layer legend, which is also the industry filter: one toggle per layer with its
 * colour, name, project count and disclosed investment, plus "All" and "None".
 *
 * Selections are lists as in `Filters.industries`: `[]` shows every layer, `['none']` shows
 * none (see `NO_INDUSTRIES` in ./selection.ts), any other list shows exactly its layers.
 *
 * @summary Industry layers with counts and investment; toggling a layer filters the map.
 *
 * @event szm-industries-change - A layer, All or None was toggled. `detail: {industries}`, normalized: `[]` when all are shown, `['none']` when none is, else the shown ids in legend order.
 *
 * @csspart heading - The title row (title, All and None).
 * @csspart all - The "All" button.
 * @csspart none - The "None" button.
 * @csspart list - The list of layers.
 * @csspart layer - Each layer's toggle button (`aria-pressed`).
 * @csspart swatch - Each layer's colour.
 *
 * @cssproperty --szm-font-family - The font stack.
 * @cssproperty --szm-text-color - Text colour.
 * @cssproperty --szm-muted-color - Secondary text (counts, figures).
 * @cssproperty --szm-border-color - Borders of buttons and rows.
 * @cssproperty --szm-accent-color - Focus ring and pressed buttons.
 * @cssproperty --szm-hover-background - Background of a hovered row.
 */
@customElement('szm-legend')
export class SzmLegend extends LitElement {
  static override styles = [partStyles, legendStyles];

  /** Language of the labels: `zh` (default) or `en`. */
  @property({ reflect: true }) override lang = 'zh';

  /** Totals over the projects passing every filter but the industry one (so hidden layers keep their counts). */
  @property({ attribute: false }) summary: Summary | null = null;

  /** The active layers: `[]` = all, `['none']` = none. */
  @property({ attribute: false }) industries: readonly string[] = [];

  private change(industries: Filters['industries']): void {
    emit(this, 'szm-industries-change', { industries });
  }

  private readonly toggle = (e: Event): void => {
    const id = (e.currentTarget as HTMLElement).dataset.id as IndustryId;
    this.change(toggleLayer(this.industries, id));
  };

  private readonly showAll = (): void => this.change(selectionList(shownLayers([])));

  private readonly showNone = (): void => this.change(noIndustries());

  private figures(totals: GroupTotals | undefined, lang: Lang) {
    const count = totals?.count ?? 0;
    const undisclosed = totals?.undisclosed ?? 0;
    return html`<span class="figures">
      <span class="count">${tp(lang, 'legend.count', { count: formatCount(count, lang) })}</span>
      ${count > 0
        ? html`<span class="money">${formatMoney(totals?.investment, lang)}</span>`
        : ''}
      ${undisclosed > 0 && totals?.investment != null
        ? html`<span class="undisclosed">${tp(lang, 'legend.undisclosed', { count: formatCount(undisclosed, lang) })}</span>`
        : ''}
    </span>`;
  }

  override render() {
    const lang = parseLang(this.lang);
    const shown = shownLayers(this.industries);
    const totals = new Map(this.summary?.byIndustry.map((g) => [g.id, g]) ?? []);
    return html`
      <div class="heading" part="heading">
        <h3 id="title">${tp(lang, 'legend.title')}</h3>
        <button type="button" part="all" class=${shown.size === INDUSTRIES.length ? 'mini current' : 'mini'}
          @click=${this.showAll}>${tp(lang, 'legend.all')}</button>
        <button type="button" part="none" class=${shown.size === 0 ? 'mini current' : 'mini'}
          @click=${this.showNone}>${tp(lang, 'legend.none')}</button>
      </div>
      <ul part="list" role="list" aria-labelledby="title" aria-describedby="hint">
        ${INDUSTRIES.map((ind) => {
          const t = totals.get(ind.id);
          const on = shown.has(ind.id);
          return html`<li>
            <button type="button" part="layer" class="layer ${t?.count ? '' : 'empty'}" data-id=${ind.id}
              aria-pressed=${on} @click=${this.toggle}>
              <span part="swatch" class="swatch" .style=${`--swatch:${ind.color}`} aria-hidden="true"></span>
              <span class="name">${ind[lang]}</span>
              ${this.figures(t, lang)}
            </button>
          </li>`;
        })}
      </ul>
      <p id="hint" class="hint">${tp(lang, 'legend.hint')}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'szm-legend': SzmLegend;
  }
}
