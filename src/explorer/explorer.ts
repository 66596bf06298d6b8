/**
 * The full-screen explorer page: the element, a language switch, and the view kept in the
 * page URL (`?lang=en&industries=new-energy&selected=…`) so a link reproduces it.
 */
import '../index.js';
import type { ShanxiZonesMap } from '../components/shanxi-zones-map/shanxi-zones-map.js';
import { parseLang, t } from '../i18n/strings.js';

const map = document.querySelector<ShanxiZonesMap>('#map')!;
const title = document.querySelector<HTMLElement>('#title')!;
const buttons = document.querySelectorAll<HTMLButtonElement>('.lang-switch button');

/** Attributes mirrored in the URL. */
const URL_ATTRIBUTES = ['lang', 'industries', 'statuses', 'selected'] as const;

function restoreFromUrl(): void {
  const params = new URLSearchParams(location.search);
  for (const name of URL_ATTRIBUTES) {
    const value = params.get(name);
    if (value !== null) map.setAttribute(name, name === 'lang' ? parseLang(value) : value);
  }
}

async function writeUrl(): Promise<void> {
  await map.updateComplete; // attributes reflect after the update that follows an event
  const params = new URLSearchParams();
  for (const name of URL_ATTRIBUTES) {
    const value = map.getAttribute(name);
    if (value && !(name === 'lang' && value === 'zh')) params.set(name, value);
  }
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

function showLanguage(): void {
  const lang = parseLang(map.lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  title.textContent = t(lang, 'map.label');
  document.title = lang === 'zh' ? '山西开发区与重大项目地图' : 'Shanxi development zones map';
  for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
}

restoreFromUrl();
showLanguage();
for (const b of buttons) {
  b.addEventListener('click', () => {
    map.lang = b.dataset.lang ?? 'zh';
    showLanguage();
    void writeUrl();
  });
}
map.addEventListener('select', () => void writeUrl());
map.addEventListener('filter-change', () => void writeUrl());
