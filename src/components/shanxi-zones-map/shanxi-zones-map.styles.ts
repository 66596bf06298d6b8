import { css } from 'lit';

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
  }
  :host([hidden]) {
    display: none;
  }
  .map {
    position: absolute;
    inset: 0;
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
  .state.loading {
    background: color-mix(in srgb, var(--szm-background, #eceae6) 70%, transparent);
  }
  .state.error {
    pointer-events: auto;
    background: var(--szm-background, #eceae6);
  }
  .state.error div {
    max-width: 36rem;
    padding: 1rem 1.25rem;
    border-left: 4px solid #b3261e;
    background: #fff;
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
    max-height: min(60vh, 420px);
    overflow: auto;
  }
  .popup h3 {
    margin: 0 1.2rem 0.25rem 0;
    font-size: 1rem;
    line-height: 1.3;
  }
  .popup h4 {
    margin: 0.6rem 0 0.2rem;
    font-size: 0.8rem;
    color: #5c564b;
  }
  .popup dl {
    margin: 0.4rem 0 0;
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.15rem 0.75rem;
  }
  .popup .row {
    display: contents;
  }
  .popup dt {
    color: #5c564b;
  }
  .popup dd {
    margin: 0;
  }
  .popup .muted {
    color: #6b655a;
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
    color: #3c372f;
  }
  .popup a {
    color: #1a5fb4;
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
  .chip {
    display: inline-flex;
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
`;
