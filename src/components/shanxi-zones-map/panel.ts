/**
 * The element's side panel (a bottom sheet on a phone): search, tabs for the list, the layers
 * and filters, the statistics and the sources, and the downloads. A template function, so the
 * element keeps its state and this file only lays it out.
 */
import { html, nothing, type TemplateResult } from 'lit';
import '../szm-search/szm-search.js';
import '../szm-list/szm-list.js';
import '../szm-legend/szm-legend.js';
import '../szm-filters/szm-filters.js';
import '../szm-stats/szm-stats.js';
import '../szm-about/szm-about.js';
import '../szm-embed/szm-embed.js';
import type { Filters } from '../../data/filter.js';
import type { ProjectFeature, ZoneFeature } from '../../data/schema.js';
import type { Summary } from '../../data/stats.js';
import { t, type Lang } from '../../i18n/strings.js';
import { ta } from '../../i18n/parts-about.js';
import { visibleTabs, type Part, type TabId } from './parts.js';

export type ExportKind = 'projects-csv' | 'zones-csv' | 'geojson' | 'png';

/** What the panel shows and whom it tells. */
export interface PanelModel {
  lang: Lang;
  parts: ReadonlySet<Part>;
  tab: TabId;
  open: boolean;
  /**
   * Whether the data are here, still on their way, or failed with none drawn before: the list
   * says which (not that nothing matches the filters).
   */
  data: 'ready' | 'loading' | 'failed';
  allZones: ZoneFeature[];
  allProjects: ProjectFeature[];
  zones: ZoneFeature[];
  projects: ProjectFeature[];
  filters: Filters;
  legendSummary: Summary | null;
  summary: Summary | null;
  selected: string;
  highlighted: string;
  onTab: (tab: TabId) => void;
  onToggle: () => void;
  onLang: (lang: Lang) => void;
  onExport: (kind: ExportKind) => void;
  /** "Embed this view": the attributes to reproduce, the library's URL and the explorer's (iframe). */
  embed?: { view: Record<string, string>; moduleUrl: string; pageUrl: string };
}

const TAB_LABEL = { list: 'tab.list', layers: 'tab.layers', stats: 'tab.stats', about: 'tab.about' } as const;

function tabKeydown(e: KeyboardEvent, tabs: TabId[], m: PanelModel): void {
  const i = tabs.indexOf(m.tab);
  const next =
    e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] :
    e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length] :
    e.key === 'Home' ? tabs[0] :
    e.key === 'End' ? tabs[tabs.length - 1] : undefined;
  if (!next) return;
  e.preventDefault();
  m.onTab(next);
  const list = (e.currentTarget as HTMLElement);
  requestAnimationFrame(() => list.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
}

function tabContent(m: PanelModel, tab: TabId): TemplateResult {
  const { lang, parts } = m;
  switch (tab) {
    case 'list':
      if (m.data !== 'ready') return html`<p class="count" role="status">${t(lang, m.data === 'loading' ? 'list.loading' : 'list.failed')}</p>`;
      return html`
        <p class="count" aria-live="polite">${t(lang, 'count.visible', { projects: m.projects.length, zones: m.zones.length })}</p>
        ${parts.has('list')
          ? html`<szm-list part="list" exportparts="row, sort" .lang=${lang} .zones=${m.zones} .projects=${m.projects}
              .allZones=${m.allZones} .allProjects=${m.allProjects} .selected=${m.selected} .highlighted=${m.highlighted}></szm-list>`
          : nothing}
        ${parts.has('export') ? exportButtons(m) : nothing}`;
    case 'layers':
      return html`
        ${parts.has('legend')
          ? html`<szm-legend part="legend" .lang=${lang} .summary=${m.legendSummary} .industries=${m.filters.industries}></szm-legend>`
          : nothing}
        ${parts.has('filters')
          ? html`<szm-filters part="filters" .lang=${lang} .filters=${m.filters} .zones=${m.allZones} .projects=${m.allProjects}></szm-filters>`
          : nothing}`;
    case 'stats':
      return html`<szm-stats part="stats" .lang=${lang} .summary=${m.summary}></szm-stats>`;
    case 'about':
      return html`<szm-about part="about" .lang=${lang} .zones=${m.allZones} .projects=${m.allProjects}></szm-about>`;
  }
}

function exportButtons(m: PanelModel): TemplateResult {
  const b = (kind: ExportKind, key: Parameters<typeof ta>[1]) =>
    html`<button type="button" class="export" @click=${() => m.onExport(kind)}>${ta(m.lang, key)}</button>`;
  return html`<section class="exports" part="export" aria-label=${t(m.lang, 'export.heading')}>
    <h3>${t(m.lang, 'export.heading')}</h3>
    ${b('projects-csv', 'export.projectsCsv')} ${b('zones-csv', 'export.zonesCsv')} ${b('geojson', 'export.geojson')}
    ${b('png', 'export.png')}
    ${m.embed
      ? html`<szm-embed part="embed" .lang=${m.lang} .view=${m.embed.view} .moduleUrl=${m.embed.moduleUrl} .pageUrl=${m.embed.pageUrl}></szm-embed>`
      : nothing}
  </section>`;
}

/** Whether the parts make a panel at all (`controls="none"`: the map alone). */
function hasPanel(parts: ReadonlySet<Part>): boolean {
  return visibleTabs(parts).length > 0 || parts.has('search') || parts.has('lang');
}

/**
 * The panel's box without its contents, for the element's first render: the map is made at
 * its final size there, before the panel's text and parts are laid out and their fonts loaded
 * (the next render fills the panel in, before the first paint).
 */
export function renderPanelShell(parts: ReadonlySet<Part>, open: boolean): TemplateResult | typeof nothing {
  return hasPanel(parts) ? html`<aside class="panel ${open ? 'open' : 'closed'}" part="panel"></aside>` : nothing;
}

export function renderPanel(m: PanelModel): TemplateResult | typeof nothing {
  const { lang, parts } = m;
  const tabs = visibleTabs(parts);
  if (!hasPanel(parts)) return nothing;
  const tab = tabs.includes(m.tab) ? m.tab : tabs[0];
  return html`
    <aside class="panel ${m.open ? 'open' : 'closed'}" part="panel" aria-label=${t(lang, 'panel.label')}>
      <header class="panel-head">
        <h2>${t(lang, 'panel.title')}</h2>
        ${parts.has('lang')
          ? html`<div class="lang" role="group" aria-label=${t(lang, 'lang.switch')}>
              ${(['zh', 'en'] as const).map(
                (l) => html`<button type="button" lang=${l} aria-pressed=${String(l === lang)} @click=${() => m.onLang(l)}>
                  ${l === 'zh' ? '中文' : 'EN'}
                </button>`,
              )}
            </div>`
          : nothing}
        ${tabs.length
          ? html`<button type="button" class="toggle" aria-expanded=${String(m.open)} aria-controls="panel-body" @click=${m.onToggle}>
              ${m.open ? t(lang, 'panel.hide') : t(lang, 'panel.show')}
            </button>`
          : nothing}
      </header>
      ${parts.has('search')
        ? html`<szm-search part="search" .lang=${lang} .zones=${m.allZones} .projects=${m.allProjects}></szm-search>`
        : nothing}
      ${tabs.length && tab
        ? html`<div id="panel-body" class="panel-body" ?hidden=${!m.open}>
            ${tabs.length > 1
              ? html`<div class="tabs" role="tablist" aria-label=${t(lang, 'panel.tabs')} @keydown=${(e: KeyboardEvent) => tabKeydown(e, tabs, m)}>
                  ${tabs.map(
                    (id) => html`<button type="button" role="tab" id="tab-${id}" aria-controls="tabpanel" aria-selected=${String(id === tab)}
                      tabindex=${id === tab ? 0 : -1} @click=${() => m.onTab(id)}>${t(lang, TAB_LABEL[id])}</button>`,
                  )}
                </div>`
              : nothing}
            <div class="tabpanel" id="tabpanel" role=${tabs.length > 1 ? 'tabpanel' : nothing} aria-labelledby=${tabs.length > 1 ? `tab-${tab}` : nothing}>
              ${tabContent(m, tab)}
            </div>
          </div>`
        : nothing}
    </aside>
  `;
}
