/**
 * The full-screen explorer page: the element, a language switch, and the view, filters and
 * selection kept in the page URL so that a link reproduces them.
 */
import '../index.js';
import type { ShanxiZonesMap } from '../components/shanxi-zones-map/shanxi-zones-map.js';
import { parseLang, t } from '../i18n/strings.js';
import { attributesFromParams, paramsFromState } from './permalink.js';

const element = document.querySelector<ShanxiZonesMap>('#map')!;

/** Whether the user has moved the map (only then does the URL carry a view). */
let moved = false;

async function writeUrl(): Promise<void> {
  await element.updateComplete; // attributes reflect in the update that follows an event
  const map = element.map;
  const center = map?.getCenter();
  const params = paramsFromState({
    filters: element.filters,
    lang: parseLang(element.lang),
    theme: element.theme,
    selected: element.selected,
    ...(moved && center && map ? { center: [center.lng, center.lat] as [number, number], zoom: map.getZoom() } : {}),
  });
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

/** The page's language and title follow the element's (its own switch changes it). */
function showLanguage(): void {
  const lang = parseLang(element.lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t(lang, 'map.label');
}

const initial = attributesFromParams(new URLSearchParams(location.search));
for (const [name, value] of Object.entries(initial)) element.setAttribute(name, value);
moved = 'center' in initial;
showLanguage();

new MutationObserver(() => {
  showLanguage();
  void writeUrl();
}).observe(element, { attributes: true, attributeFilter: ['lang'] });
element.addEventListener('select', () => void writeUrl());
element.addEventListener('filter-change', () => void writeUrl());
element.addEventListener('ready', () => {
  element.map?.on('moveend', (e) => {
    if (!(e as { originalEvent?: Event }).originalEvent && !moved) return; // the first fit is not the user's
    moved = true;
    void writeUrl();
  });
});
