import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { collectSources, dataAsOf, type SourceUse } from '../../data/sources.js';
import { formatDate } from '../../data/format.js';
import type { ProjectFeature, ZoneFeature } from '../../data/schema.js';
import { parseLang, type Lang } from '../../i18n/strings.js';
import { ta, taCount } from '../../i18n/parts-about.js';
import { safeHttpUrl } from '../../util/dom.js';
import { partStyles } from '../shared/styles.js';
import { aboutStyles } from './szm-about.styles.js';

type ProseModule = typeof import('../../i18n/about-prose.js');
/** The prose, loaded once for every <szm-about> on the page when the first one connects. */
let proseModule: Promise<ProseModule> | null = null;

/**
 * What the map shows and where it comes from: the data's as-of date, how figures were curated
 * and places placed, the basemap's provenance and caveats, and every cited source with how
 * many zones and projects cite it. Text from the data is only ever rendered as text, and
 * links only point at http(s).
 *
 * @summary The about-and-sources panel: as-of date, method, basemap caveats and sources.
 *
 * @csspart heading - The panel's title.
 * @csspart as-of - The line with the data's as-of date (a `<time>` inside).
 * @csspart section - Each prose section (a `<details>`: curation, placement, basemap).
 * @csspart sources - The ordered list of sources.
 * @csspart source - Each source (`data-ref` holds its ref).
 * @csspart link - A source's link (http(s) only).
 *
 * @cssproperty --szm-font-family - The font stack.
 * @cssproperty --szm-text-color - The text colour (default #25221d).
 * @cssproperty --szm-muted-color - Secondary text: dates, refs, counts (default #6b645a).
 * @cssproperty --szm-link-color - Links (default #1f5fa8).
 * @cssproperty --szm-rule-color - Lines between sources (default #e2ded6).
 */
@customElement('szm-about')
export class SzmAbout extends LitElement {
  static override styles = [partStyles, aboutStyles];

  /** Language of the panel: `zh` (default) or `en`. */
  @property({ reflect: true }) override lang = 'zh';

  /** Every zone (unfiltered): the sources and the as-of date are the whole dataset's. */
  @property({ attribute: false }) zones: readonly ZoneFeature[] = [];

  /** Every project (unfiltered). */
  @property({ attribute: false }) projects: readonly ProjectFeature[] = [];

  /** The prose sections' text, once loaded (they show from then; the rest shows at once). */
  @state() private prose: ProseModule | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.prose) return;
    (proseModule ??= import('../../i18n/about-prose.js')).then(
      (m) => (this.prose = m),
      () => (proseModule = null), // not arrived (offline): the tab shows without it, and tries again when it reopens
    );
  }

  private cache: { zones: readonly ZoneFeature[]; projects: readonly ProjectFeature[]; sources: SourceUse[]; asOf: string } | null = null;

  /** The cited sources and as-of date, recomputed only when the data change. */
  private get derived(): { sources: SourceUse[]; asOf: string } {
    const { zones, projects } = this;
    if (this.cache?.zones !== zones || this.cache.projects !== projects) {
      this.cache = { zones, projects, sources: collectSources(zones, projects), asOf: dataAsOf(zones, projects) };
    }
    return this.cache;
  }

  private renderSource(use: SourceUse, lang: Lang) {
    const { source } = use;
    const href = safeHttpUrl(source.url) ?? safeHttpUrl(source.ref);
    const titles = use.titles.length > 0 ? use.titles : [source.ref];
    const cited = [
      use.zoneCount > 0 ? taCount(lang, 'about.zones', use.zoneCount) : '',
      use.projectCount > 0 ? taCount(lang, 'about.projects', use.projectCount) : '',
    ].filter((s) => s !== '');
    const title = (text: string) =>
      href
        ? html`<a part="link" href=${href} target="_blank" rel="noopener noreferrer">${text}</a>`
        : html`<span>${text}</span>`;
    return html`<li class="source" part="source" data-ref=${source.ref}>
      <div class="publisher">${source.publisher}</div>
      ${titles.length === 1
        ? html`<div class="title">${title(titles[0]!)}</div>`
        : html`<ul class="titles">${titles.map((t) => html`<li>${title(t)}</li>`)}</ul>`}
      <div class="meta">
        ${source.date ? html`<time datetime=${source.date}>${formatDate(source.date, lang)}</time>` : nothing}
        ${href && source.ref === href ? nothing : html`<code class="ref" dir="auto">${source.ref}</code>`}
        <span class="cited">${ta(lang, 'about.citedBy', { list: cited.join(lang === 'zh' ? '、' : ', ') })}</span>
      </div>
    </li>`;
  }

  override render() {
    const lang = parseLang(this.lang);
    const { sources, asOf } = this.derived;
    return html`
      <h2 part="heading">${ta(lang, 'about.title')}</h2>
      <p class="as-of" part="as-of">
        ${asOf
          ? html`${ta(lang, 'about.asOf')} <time datetime=${asOf}>${formatDate(asOf, lang)}</time>`
          : ta(lang, 'about.asOfUnknown')}
      </p>
      <p class="summary">${ta(lang, 'about.summary')}</p>
      <p class="counts">
        ${ta(lang, 'about.counts', { zones: this.zones.length, projects: this.projects.length, sources: sources.length })}
      </p>
      ${this.prose?.SECTIONS.map(
        (s) => html`<details part="section" class=${s.id}>
          <summary><h3>${this.prose!.prose(lang, s.heading)}</h3></summary>
          ${s.paragraphs.map((p) => html`<p>${this.prose!.prose(lang, p)}</p>`)}
        </details>`,
      )}
      <h3 class="sources-heading">${ta(lang, 'about.sources', { count: sources.length })}</h3>
      ${sources.length === 0
        ? html`<p class="meta">${ta(lang, 'about.noSources')}</p>`
        : html`<ol part="sources">${sources.map((use) => this.renderSource(use, lang))}</ol>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'szm-about': SzmAbout;
  }
}
