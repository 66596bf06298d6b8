/**
 * The content of zone and project popups, built as DOM nodes (text from data is never parsed
 * as HTML). Figures are formatted by src/data/format.ts, strings come from src/i18n.
 */
import type { ProjectProperties, Source, ZoneProperties } from '../data/schema.js';
import { industry } from '../data/industries.js';
import {
  cityLabel,
  formatArea,
  formatDate,
  formatFigure,
  formatMoney,
  industryLabel,
  kindLabel,
  levelLabel,
  outputBasisLabel,
  projectName,
  statusLabel,
  zoneName,
} from '../data/format.js';
import type { ZoneSummary } from '../data/stats.js';
import { t, type Lang } from '../i18n/strings.js';
import { externalLink, h, isolated } from '../util/dom.js';


function row(label: Node | string, value: Node | string): HTMLElement {
  return h('div', { class: 'row' }, h('dt', {}, label), h('dd', {}, value));
}

function industryChip(id: string, lang: Lang): HTMLElement {
  const chip = h('span', { class: 'chip' }, h('span', { class: 'swatch' }), industryLabel(id, lang));
  (chip.firstChild as HTMLElement).style.background = industry(id)?.color ?? '#777';
  return chip;
}

function sourceList(sources: Source[], lang: Lang): HTMLElement {
  const items = sources.map((s) => {
    const item = h(
      'li',
      {},
      externalLink(s.title || s.ref, s.url ?? s.ref),
      h('span', { class: 'muted' }, ' · ', isolated(s.publisher), ` · ${formatDate(s.date, lang)}`),
    );
    if (s.quote) item.append(h('details', {}, h('summary', {}, lang === 'zh' ? '原文' : 'Quote'), h('q', { lang: 'zh', dir: 'auto' }, s.quote)));
    return item;
  });
  return h('section', { class: 'sources' }, h('h4', {}, t(lang, 'popup.sources')), h('ol', {}, ...items));
}

function placement(note: { location_note_zh?: string; location_note_en?: string }, lang: Lang): string | null {
  return (lang === 'en' ? note.location_note_en || note.location_note_zh : note.location_note_zh || note.location_note_en) ?? null;
}

/** Said in a popup opened on a feature the filters hide (search finds every one, `selected` names any). */
function hiddenNote(hidden: boolean, lang: Lang): HTMLElement | null {
  return hidden ? h('p', { class: 'badge hidden-note', role: 'note' }, t(lang, 'popup.hidden')) : null;
}

export function projectPopup(p: ProjectProperties, zone: ZoneProperties | undefined, lang: Lang, hidden = false): HTMLElement {
  const status = h(
    'span',
    { class: `badge status-${p.status}` },
    `${statusLabel(p.status, lang)} · ${formatDate(p.status_date, lang)}`,
  );
  const output =
    p.output_cny === null
      ? formatMoney(null, lang)
      : `${formatMoney(p.output_cny, lang)}${p.output_basis ? ` (${outputBasisLabel(p.output_basis, lang)})` : ''}`;
  const capacity = lang === 'en' ? p.capacity_en || p.capacity_zh : p.capacity_zh || p.capacity_en;
  const history =
    p.history.length > 1
      ? h(
          'section',
          { class: 'history' },
          h('h4', {}, t(lang, 'popup.history')),
          h(
            'ol',
            {},
            ...[...p.history]
              .sort((a, b) => b.date.localeCompare(a.date))
              .map((e) => {
                const note = lang === 'en' ? e.note_en || e.note_zh : e.note_zh || e.note_en;
                return h(
                  'li',
                  {},
                  h('time', {}, formatDate(e.date, lang)),
                  ` ${statusLabel(e.status, lang)}`,
                  note ? h('span', { class: 'muted' }, ' — ', isolated(note)) : null,
                );
              }),
          ),
        )
      : null;
  const place = placement(p, lang);
  return h(
    'article',
    { class: 'popup project', part: 'popup popup-project', 'data-id': p.id },
    h('h3', {}, projectName(p, lang)),
    hiddenNote(hidden, lang),
    status,
    h(
      'dl',
      {},
      row(t(lang, 'popup.zone'), zone ? zoneName(zone, lang) : p.zone_id),
      row(t(lang, 'popup.industry'), industryChip(p.industry, lang)),
      row(t(lang, 'popup.investment'), h('span', { class: 'investment' }, formatMoney(p.investment_cny, lang))),
      row(t(lang, 'popup.output'), h('span', { class: 'output' }, output)),
      capacity ? row(t(lang, 'popup.capacity'), capacity) : null,
      place ? row(t(lang, 'popup.placement'), h('span', { class: 'muted' }, place)) : null,
    ),
    history,
    sourceList(p.sources, lang),
  );
}

export function zonePopup(z: ZoneProperties, summary: ZoneSummary, lang: Lang, hidden = false): HTMLElement {
  const other = lang === 'en' ? z.name_zh : z.name_en;
  const where = h('span', {}, isolated(cityLabel(z.city, lang)), z.county ? ' · ' : null, z.county ? isolated(z.county) : null);
  const figures = z.figures.length
    ? h(
        'section',
        { class: 'figures' },
        h('h4', {}, t(lang, 'popup.figures')),
        h(
          'dl',
          {},
          ...z.figures.map((f) =>
            row(
              h('span', {}, isolated(lang === 'en' ? f.label_en : f.label_zh), ` (${formatDate(f.as_of, lang)})`),
              formatFigure(f, lang),
            ),
          ),
        ),
      )
    : null;
  const place = placement(z, lang);
  return h(
    'article',
    { class: 'popup zone', part: 'popup popup-zone', 'data-id': z.id },
    h('h3', {}, zoneName(z, lang)),
    other ? h('p', { class: 'muted other-name' }, other) : null,
    hiddenNote(hidden, lang),
    z.verified ? null : h('p', { class: 'badge unverified' }, t(lang, 'popup.unverified')),
    h(
      'dl',
      {},
      row(t(lang, 'popup.level'), `${levelLabel(z.level, lang)} · ${kindLabel(z.kind, lang)}`),
      row(t(lang, 'popup.city'), where),
      z.established ? row(t(lang, 'popup.established'), formatDate(z.established, lang)) : null,
      z.area_km2 !== null ? row(t(lang, 'popup.area'), formatArea(z.area_km2, lang)) : null,
      z.industries.length ? row(t(lang, 'popup.industries'), h('span', {}, ...z.industries.map((i) => industryChip(i, lang)))) : null,
      row(
        t(lang, 'popup.projects'),
        t(lang, 'popup.projectsSummary', { count: summary.projectCount, total: formatMoney(summary.investmentTotal, lang) }),
      ),
      place ? row(t(lang, 'popup.placement'), h('span', { class: 'muted' }, place)) : null,
    ),
    figures,
    sourceList(z.sources, lang),
  );
}
