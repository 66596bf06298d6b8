import { css } from 'lit';

/** The dark theme's values of the public custom properties (and of the panel parts' own). */
const darkProperties = css`
  --szm-text-color: #e8e4dc;
  --szm-muted-color: #b1aa9e;
  --szm-background: #1d1f22;
  --szm-panel-background: #26282c;
  --szm-border-color: #44474d;
  --szm-accent-color: #8ab4f8;
  --szm-link-color: #8ab4f8;
  --szm-rule-color: #3a3d42;
  --szm-hover-background: rgb(255 255 255 / 0.06);
  --szm-list-text-color: #e8e4dc;
  --szm-list-muted-color: #b1aa9e;
  --szm-list-background: #26282c;
  --szm-list-border-color: #44474d;
  --szm-list-hover-background: #30333a;
  --szm-list-highlight-background: #4a4120;
  --szm-list-selected-background: #23364f;
  --szm-list-accent-color: #8ab4f8;
  --szm-list-focus-color: #8ab4f8;
  --szm-search-text-color: #e8e4dc;
  --szm-search-muted-color: #b1aa9e;
  --szm-search-background: #26282c;
  --szm-search-border-color: #55585e;
  --szm-search-accent-color: #8ab4f8;
  --szm-search-active-background: #23364f;
  --szm-bar-color: #7fa3d4;
  color-scheme: dark;
`;

export const elementStyles = css`
  :host {
    display: block;
    position: relative;
    height: var(--szm-height, 480px);
    min-height: 240px;
    font-family: var(--szm-font-family, system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif);
    color: var(--szm-text-color, #25221d);
    background: var(--szm-background, #eceae6);
    contain: layout;
    container: szm / inline-size;
    --szm-panel-width: 340px;
    --szm-panel-background: #ffffff;
    --szm-border-color: #d9d3c7;
    --szm-accent-color: #3d3a33;
  }
  :host([hidden]) {
    display: none;
  }
  /* The dark theme sets the same public custom properties (a page's own values still win,
     set on the element itself or through a more specific selector). */
  :host([theme='dark']) {
    ${darkProperties}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkProperties}
    }
  }
  .notice {
    position: absolute;
    top: 0.5rem;
    left: 50%;
    transform: translateX(-50%);
    z-index: 3;
    margin: 0;
    max-width: calc(100% - 6rem);
    padding: 0.35rem 0.75rem;
    border-radius: 4px;
    font-size: 0.8rem;
    background: var(--szm-panel-background, #fff);
    border: 1px solid var(--szm-border-color, #d9d3c7);
    border-left: 4px solid #b7791f;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.15);
  }
  .layout {
    position: absolute;
    inset: 0;
    display: flex;
  }
  .stage {
    position: relative;
    flex: 1;
    min-width: 0;
  }
  /* A size container: popups (inside it) take their height from the map's (cqh). */
  .map {
    position: absolute;
    inset: 0;
    container-type: size;
  }
  .state {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    padding: 1.5rem;
    text-align: center;
    font-size: 0.95rem;
    pointer-events: none;
  }
  /*
   * A small pill over the map while it loads, not a veil over all of it: the basemap shows as it
   * draws, and every frame of the load is composited without a map-sized translucent layer (a
   * veil made the load ~8% slower with software WebGL: bench/analysis.md).
   */
  .state.loading {
    inset: auto;
    top: 0.75rem;
    left: 50%;
    transform: translateX(-50%);
    padding: 0.3rem 0.9rem;
    border-radius: 999px;
    background: var(--szm-background, #eceae6);
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.25);
  }
  .state.error {
    pointer-events: auto;
    background: var(--szm-background, #eceae6);
  }
  .state.error div {
    /* Within the map however small the element (a URL has no break point: found by hand). */
    box-sizing: border-box;
    max-width: min(36rem, 100%);
    max-height: 100%;
    overflow: auto;
    overflow-wrap: anywhere;
    padding: 1rem 1.25rem;
    border-left: 4px solid #b3261e;
    background: var(--szm-panel-background, #fff);
    text-align: start;
  }
  .state.error ul {
    margin: 0.5rem 0 0;
    padding-left: 1.2rem;
    font-size: 0.85rem;
    max-height: 12rem;
    overflow: auto;
  }
  .maplibregl-popup-content {
    padding: 0.75rem 1rem 0.6rem;
    border-radius: 6px;
    font: inherit;
    font-size: 0.85rem;
    line-height: 1.4;
    /* At most half the map, tip included: wherever its point is, MapLibre then finds a side of
       it the popup fits on, and what does not fit scrolls. */
    box-sizing: border-box;
    max-height: min(420px, calc(50cqh - 1rem));
    overflow: auto;
    /* Text with no break point (a long name, a title) wraps instead of widening the popup. */
    overflow-wrap: anywhere;
    color: var(--szm-text-color, #25221d);
    background: var(--szm-panel-background, #fff);
  }
  .maplibregl-popup-anchor-top .maplibregl-popup-tip,
  .maplibregl-popup-anchor-top-left .maplibregl-popup-tip,
  .maplibregl-popup-anchor-top-right .maplibregl-popup-tip {
    border-bottom-color: var(--szm-panel-background, #fff);
  }
  .maplibregl-popup-anchor-bottom .maplibregl-popup-tip,
  .maplibregl-popup-anchor-bottom-left .maplibregl-popup-tip,
  .maplibregl-popup-anchor-bottom-right .maplibregl-popup-tip {
    border-top-color: var(--szm-panel-background, #fff);
  }
  .maplibregl-popup-anchor-left .maplibregl-popup-tip {
    border-right-color: var(--szm-panel-background, #fff);
  }
  .maplibregl-popup-anchor-right .maplibregl-popup-tip {
    border-left-color: var(--szm-panel-background, #fff);
  }
  .popup h3 {
    margin: 0 1.2rem 0.25rem 0;
    font-size: 1rem;
    line-height: 1.3;
  }
  .popup h4 {
    margin: 0.6rem 0 0.2rem;
    font-size: 0.8rem;
    color: var(--szm-muted-color, #5c564b);
  }
  .popup dl {
    margin: 0.4rem 0 0;
    display: grid;
    /* A label at most ~45% wide, so a long one cannot squeeze its value to nothing. */
    grid-template-columns: fit-content(45%) minmax(0, 1fr);
    gap: 0.15rem 0.75rem;
  }
  .popup .row {
    display: contents;
  }
  .popup dt {
    min-width: 0;
    color: var(--szm-muted-color, #5c564b);
  }
  .popup dd {
    min-width: 0;
    margin: 0;
  }
  .popup .muted {
    color: var(--szm-muted-color, #6b655a);
  }
  .popup .other-name {
    margin: 0;
  }
  .popup ol {
    margin: 0;
    padding-left: 1.1rem;
  }
  .popup q {
    display: block;
    margin: 0.2rem 0;
    font-size: 0.8rem;
    color: var(--szm-text-color, #3c372f);
  }
  .popup a {
    color: var(--szm-link-color, #1a5fb4);
  }
  .badge {
    display: inline-block;
    margin: 0;
    padding: 0.05rem 0.45rem;
    border-radius: 999px;
    font-size: 0.75rem;
    background: #ece8df;
  }
  .badge.status-operating,
  .badge.status-completed {
    background: #d8efd9;
    color: #1d5e25;
  }
  .badge.status-under-construction {
    background: #fdf0c9;
    color: #6d4c00;
  }
  .badge.status-signed {
    background: #dde8f8;
    color: #1c4587;
  }
  .badge.unverified {
    background: #fbe3e1;
    color: #8c1d18;
  }
  .badge.hidden-note {
    display: block;
    margin: 0 0 0.3rem;
    border-radius: 4px;
    background: #ecebe7;
    color: #3d3a33;
  }
  .chip {
    display: inline-flex;
    max-width: 100%;
    align-items: center;
    gap: 0.3rem;
    margin-right: 0.5rem;
  }
  .swatch {
    width: 0.7rem;
    height: 0.7rem;
    border-radius: 50%;
    flex: none;
  }
  /* At the bottom, above the attribution: at the top it covered the title and close button of
     a popup opened above its point, which reaches up to the map's top (found by hand); MapLibre
     opens a popup above its point when the point is low, so one seldom reaches down to here. */
  .banner {
    position: absolute;
    bottom: 2.4rem;
    left: 50%;
    transform: translateX(-50%);
    width: min(34rem, calc(100% - 5rem));
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    padding: 0.6rem 0.75rem;
    border-left: 4px solid #b3261e;
    border-radius: 4px;
    background: var(--szm-panel-background, #fff);
    color: var(--szm-text-color, #25221d);
    box-shadow: 0 1px 6px rgb(0 0 0 / 0.2);
    font-size: 0.85rem;
    z-index: 4;
  }
  .banner div {
    flex: 1;
    min-width: 0;
  }
  .banner summary {
    margin-top: 0.3rem;
    cursor: pointer;
  }
  .banner ul {
    margin: 0.3rem 0 0;
    padding-left: 1.1rem;
    max-height: 8rem;
    overflow: auto;
    overflow-wrap: anywhere;
  }
  /* "The details below are in English": a remark on the lines, not one of them. */
  .state.error li.note,
  .banner li.note {
    list-style: none;
    margin-top: 0.2rem;
    color: var(--szm-muted-color, #5c564b);
  }
  .banner button {
    font: inherit;
    font-size: 1.1rem;
    line-height: 1;
    padding: 0.1rem 0.4rem;
    border: 0;
    background: none;
    color: inherit;
    cursor: pointer;
  }
`;

export const panelStyles = css`
  .panel {
    flex: none;
    width: var(--szm-panel-width);
    max-width: 45%;
    display: flex;
    flex-direction: column;
    min-height: 0;
    background: var(--szm-panel-background);
    border-right: 1px solid var(--szm-border-color);
    overflow: hidden;
    z-index: 3;
  }
  .panel.closed {
    width: auto;
    max-width: none;
    position: absolute;
    top: 0.5rem;
    left: 0.5rem;
    border: 1px solid var(--szm-border-color);
    border-radius: 8px;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.15);
  }
  .panel.closed szm-search {
    width: min(300px, 70vw);
  }
  .panel-head {
    display: flex;
    flex-wrap: wrap; /* in a very narrow element the sheet's toggle takes a line of its own */
    align-items: center;
    gap: 0.4rem;
    padding: 0.5rem 0.75rem 0.25rem;
  }
  .panel-head h2 {
    flex: 1;
    margin: 0;
    font-size: 0.95rem;
    font-weight: 600;
    line-height: 1.25;
  }
  .panel-head .toggle {
    margin-left: auto;
  }
  .panel.closed .panel-head h2 {
    font-size: 0.85rem;
  }
  .panel-head button,
  .exports button {
    font: inherit;
    font-size: 0.8rem;
    padding: 0.2rem 0.5rem;
    border: 1px solid var(--szm-border-color, #b8b0a2);
    border-radius: 4px;
    background: var(--szm-panel-background, #fff);
    color: inherit;
    cursor: pointer;
  }
  .lang {
    display: flex;
  }
  .lang button {
    border-radius: 0;
  }
  .lang button:first-child {
    border-radius: 4px 0 0 4px;
  }
  .lang button:last-child {
    border-radius: 0 4px 4px 0;
    margin-left: -1px;
  }
  .lang button[aria-pressed='true'] {
    background: var(--szm-accent-color);
    border-color: var(--szm-accent-color);
    color: #fff;
  }
  button:focus-visible {
    outline: 2px solid #1a5fb4;
    outline-offset: 2px;
  }
  szm-search {
    margin: 0.25rem 0.75rem 0.5rem;
  }
  .panel-body {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
  }
  .panel-body[hidden] {
    display: none;
  }
  .tabs {
    display: flex;
    border-bottom: 1px solid var(--szm-border-color);
    padding: 0 0.5rem;
    gap: 0.1rem;
  }
  .tabs button {
    font: inherit;
    font-size: 0.82rem;
    padding: 0.45rem 0.55rem;
    border: 0;
    border-bottom: 3px solid transparent;
    background: none;
    color: var(--szm-muted-color, #5c564b);
    cursor: pointer;
    white-space: nowrap;
  }
  .tabs button[aria-selected='true'] {
    color: var(--szm-text-color, #25221d);
    border-bottom-color: var(--szm-accent-color);
    font-weight: 600;
  }
  .tabpanel {
    flex: 1;
    min-height: 0;
    overflow: auto;
    padding: 0.5rem 0.75rem 0.75rem;
  }
  .count {
    margin: 0 0 0.4rem;
    font-size: 0.8rem;
    color: var(--szm-muted-color, #5c564b);
  }
  szm-list {
    --szm-list-max-height: none;
  }
  szm-legend + szm-filters {
    margin-top: 1rem;
  }
  .exports {
    margin-top: 0.75rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
  }
  .exports h3 {
    width: 100%;
    margin: 0;
    font-size: 0.8rem;
    color: var(--szm-muted-color, #5c564b);
  }
  .exports szm-embed {
    width: 100%;
    margin-top: 0.6rem;
  }

  /* Phone: the panel is a bottom sheet over the map. */
  @container szm (max-width: 640px) {
    .panel,
    .panel.closed {
      position: absolute;
      left: 0;
      right: 0;
      top: auto;
      bottom: 0;
      width: auto;
      max-width: none;
      max-height: 62%;
      border: 0;
      border-top: 1px solid var(--szm-border-color);
      border-radius: 12px 12px 0 0;
      box-shadow: 0 -2px 8px rgb(0 0 0 / 0.15);
    }
    .panel.open {
      height: 62%;
    }
    .panel.closed szm-search {
      width: auto;
    }
    .panel-head h2 {
      font-size: 0.85rem;
    }
    .tabs {
      overflow-x: auto;
    }
    /* A failed first load: the message over the sheet (there is nothing in it to use yet). */
    .state.error {
      z-index: 4;
      padding: 0.5rem;
    }
  }
`;
