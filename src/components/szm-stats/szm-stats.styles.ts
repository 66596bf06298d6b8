import { css } from 'lit';

export const statsStyles = css`
  /* A name from the data, set apart for bidi: a direction control in it stays inside it. */
  .label .name {
    unicode-bidi: isolate;
  }

  .totals {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
    margin: 0 0 0.75rem;
    font-weight: 600;
  }
  .totals .undisclosed {
    font-weight: normal;
    color: var(--szm-muted-color, #6b655c);
  }
  figure {
    margin: 0 0 0.875rem;
    max-width: var(--szm-chart-max-width, 420px);
  }
  figcaption {
    margin-bottom: 0.25rem;
    font-size: 0.8rem;
    font-weight: 600;
    color: var(--szm-muted-color, #6b655c);
  }
  svg {
    display: block;
    overflow: visible;
  }
  text {
    font-size: 11px;
    fill: var(--szm-text-color, #25221d);
  }
  text.value {
    fill: var(--szm-muted-color, #6b655c);
    font-variant-numeric: tabular-nums;
  }
  .bar {
    fill: var(--szm-bar-color, #4a6fa0);
  }
  .none,
  .empty {
    margin: 0;
    color: var(--szm-muted-color, #6b655c);
    font-size: 0.8rem;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
