/**
 * <shanxi-zones-map> in a React app through @lit/react: props become properties, and the
 * element's events become `on…` props. No JSX, so no React plugin: React.createElement.
 */
import React from 'react';
import { createRoot } from 'react-dom/client';
import { createComponent, type EventName } from '@lit/react';
import { ShanxiZonesMap, type ReadyDetail, type SelectDetail } from 'shanxi-zones-map';

const ZonesMap = createComponent({
  tagName: 'shanxi-zones-map',
  elementClass: ShanxiZonesMap,
  react: React,
  events: {
    onReady: 'ready' as EventName<CustomEvent<ReadyDetail>>,
    onSelect: 'select' as EventName<CustomEvent<SelectDetail>>,
  },
});

const h = React.createElement;
const LAYERS = ['', 'new-energy', 'computing'];

function App() {
  const [industries, setIndustries] = React.useState('new-energy');
  const [selected, setSelected] = React.useState('');
  const [ready, setReady] = React.useState<ReadyDetail | null>(null);
  return h(
    'main',
    null,
    h('h1', null, 'Shanxi zones map in React'),
    h(
      'p',
      null,
      'Layer: ',
      ...LAYERS.map((id) =>
        h('button', { key: id, type: 'button', 'aria-pressed': industries === id, onClick: () => setIndustries(id) }, id || 'all'),
      ),
    ),
    h(ZonesMap, {
      lang: 'en',
      industries,
      controls: 'list,legend',
      onReady: (e: CustomEvent<ReadyDetail>) => setReady(e.detail),
      onSelect: (e: CustomEvent<SelectDetail>) => setSelected(e.detail.id ?? ''),
    }),
    h('p', { id: 'status' }, ready ? `ready: ${ready.zoneCount} zones, ${ready.projectCount} projects` : 'loading…', selected ? ` · selected ${selected}` : ''),
  );
}

createRoot(document.getElementById('root')!).render(h(App));
