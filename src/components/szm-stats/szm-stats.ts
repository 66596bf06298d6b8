import { LitElement, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { industry } from '../../data/industries.js';
import type { Summary } from '../../data/stats.js';
import { cityLabel, formatCount, formatMoney, industryLabel, statusLabel } from '../../data/format.js';
import { parseLang, type Lang } from '../../i18n/strings.js';
import { tp } from '../../i18n/parts-panel.js';
import { byInvestment, CHART, hasBars, layoutBars } from './bars.js';
import { partStyles } from '../shared/styles.js';
import { statsStyles } from './szm-stats.styles.js';

/** One bar: its label, the value it scales by, and that value as text. */
interface Row {
  /** What the bar is of (a city's name may come from the data: shown set apart for bidi). */
  label: string;
  /** Written after the label, e.g. ` (12)`. */
  after?: string;
  value: number | null;
  text: string;
  count: number;
  undisclosed?: number;
  color?: string;
}

/**
 * Totals and small bar charts of the projects currently shown: disclosed investment by
 * industry layer and by city, and projects by status. An undisclosed investment is never
 * counted as 0; the totals say how many projects have none.
 *
 * @summary Totals and bar charts of the visible projects.
 *
 * @csspart totals - The totals line.
 * @csspart chart - Each chart (`<figure>`: caption, SVG, hidden data table).
 * @csspart svg - Each chart's SVG (`role="img"` with a summarising `aria-label`).
 * @csspart empty - The message shown when no project is visible.
 *
 * @cssproperty --szm-font-family - The font stack.
 * @cssproperty --szm-text-color - Text colour.
 * @cssproperty --szm-muted-color - Secondary text (values, captions).
 * @cssproperty --szm-bar-color - Bars of the city and status charts (industry bars use their layer colour).
 * @cssproperty --szm-chart-max-width - The widest a chart is drawn (default 420px).
 */
@customElement('szm-stats')
export class SzmStats extends LitElement {
  static override styles = [partStyles, statsStyles];

  /** Language of the labels: `zh` (default) or `en`. */
  @property({ reflect: true }) override lang = 'zh';

  /** Totals over the currently visible projects. */
  @property({ attribute: false }) summary: Summary | null = null;

  private chart(id: string, title: string, rows: Row[], lang: Lang, money: boolean) {
    const values = rows.map((r) => r.value);
    const geo = layoutBars(values);
    const top = rows.reduce<Row | null>((best, r) => ((r.value ?? -1) > (best?.value ?? -1) ? r : best), null);
    const label = top
      ? tp(lang, 'stats.chartLabel', { title, n: rows.length, top: top.label, value: top.text })
      : title;
    return html`<figure part="chart" class=${id}>
      <figcaption id=${`${id}-caption`}>${title}</figcaption>
      ${hasBars(values)
        ? html`<svg part="svg" role="img" aria-label=${label} viewBox="0 0 ${geo.width} ${geo.height}"
            width="100%" preserveAspectRatio="xMinYMin meet">
            ${geo.rows.map((g, i) => {
              const r = rows[i]!;
              return svg`<text class="label" x="0" y=${g.labelY}><tspan class="name">${r.label}</tspan>${r.after ?? ''}</text>
                <rect class="bar" x="0" y=${g.barY} width=${g.width} height=${CHART.barHeight} rx="2"
                  .style=${r.color ? `fill:${r.color}` : ''}></rect>
                <text class="value" x=${g.valueX} y=${g.valueY}>${r.text}</text>`;
            })}
          </svg>`
        : html`<p class="none">${tp(lang, 'stats.noInvestment')}</p>`}
      <table class="sr-only" aria-labelledby=${`${id}-caption`}>
        <thead><tr>
          <th scope="col">${tp(lang, 'stats.colName')}</th>
          ${money ? html`<th scope="col">${tp(lang, 'stats.colInvestment')}</th>` : ''}
          <th scope="col">${tp(lang, 'stats.colCount')}</th>
          ${money ? html`<th scope="col">${tp(lang, 'stats.colUndisclosed')}</th>` : ''}
        </tr></thead>
        <tbody>${rows.map(
          (r) => html`<tr>
            <th scope="row"><bdi>${r.label}</bdi>${r.after ?? ''}</th>
            ${money ? html`<td>${r.text}</td>` : ''}
            <td>${formatCount(r.count, lang)}</td>
            ${money ? html`<td>${formatCount(r.undisclosed ?? 0, lang)}</td>` : ''}
          </tr>`,
        )}</tbody>
      </table>
    </figure>`;
  }

  override render() {
    const lang = parseLang(this.lang);
    const s = this.summary;
    if (!s || s.count === 0) {
      return html`<p part="empty" class="empty" role="status">${tp(lang, 'stats.empty')}</p>`;
    }
    const money = (g: { count: number; investment: number | null; undisclosed: number }, label: string, color?: string): Row => ({
      label,
      after: ` (${formatCount(g.count, lang)})`,
      value: g.investment,
      text: formatMoney(g.investment, lang),
      count: g.count,
      undisclosed: g.undisclosed,
      color,
    });
    const industries = byInvestment(s.byIndustry.filter((g) => g.count > 0)).map((g) =>
      money(g, industryLabel(g.id, lang), industry(g.id)?.color),
    );
    const cities = s.byCity.map((g) => money(g, g.city ? cityLabel(g.city, lang) : tp(lang, 'stats.unknownCity')));
    const statuses = s.byStatus.map((g) => ({
      label: statusLabel(g.status, lang),
      value: g.count,
      text: formatCount(g.count, lang),
      count: g.count,
    }));
    return html`
      <p part="totals" class="totals" role="status">
        <span>${tp(lang, 'stats.totals', { count: formatCount(s.count, lang), total: formatMoney(s.investmentTotal, lang) })}</span>
        ${s.withoutInvestment > 0
          ? html`<span class="undisclosed">${tp(lang, 'stats.undisclosed', { count: formatCount(s.withoutInvestment, lang) })}</span>`
          : ''}
      </p>
      ${this.chart('by-industry', tp(lang, 'stats.byIndustry'), industries, lang, true)}
      ${this.chart('by-city', tp(lang, 'stats.byCity'), cities, lang, true)}
      ${this.chart('by-status', tp(lang, 'stats.byStatus'), statuses, lang, false)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'szm-stats': SzmStats;
  }
}
