import { css } from 'lit';

export const legendStyles = css`
  .heading {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    margin-bottom: 0.375rem;
  }
  h3 {
    flex: 1;
    margin: 0;
    font-size: 0.95rem;
    font-weight: 600;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--szm-accent-color, #1f6fd1);
    outline-offset: 1px;
  }
  .mini {
    padding: 0.125rem 0.625rem;
    border: 1px solid var(--szm-border-color, #cfcac2);
    border-radius: 999px;
    background: transparent;
    font-size: 0.8rem;
  }
  .mini.current {
    border-color: var(--szm-accent-color, #1f6fd1);
    color: var(--szm-accent-color, #1f6fd1);
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .layer {
    display: grid;
    grid-template-columns: 1rem 1fr;
    column-gap: 0.5rem;
    align-items: center;
    width: 100%;
    padding: 0.3rem 0.375rem;
    border: 0;
    border-radius: 4px;
    background: transparent;
    text-align: start;
  }
  .layer:hover {
    background: var(--szm-hover-background, rgba(0, 0, 0, 0.05));
  }
  .swatch {
    width: 1rem;
    height: 1rem;
    box-sizing: border-box;
    border: 2px solid var(--swatch);
    border-radius: 3px;
    background: #fff;
    color: #fff;
    font-size: 0.75rem;
    line-height: 0.75rem;
    text-align: center;
  }
  .layer[aria-pressed='true'] .swatch {
    background: var(--swatch);
  }
  .layer[aria-pressed='true'] .swatch::after {
    content: '✓';
  }
  .name {
    overflow-wrap: anywhere;
  }
  .figures {
    grid-column: 2;
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.625rem;
    color: var(--szm-muted-color, #6b655c);
    font-size: 0.78rem;
    font-variant-numeric: tabular-nums;
  }
  .money {
    color: var(--szm-text-color, #25221d);
  }
  .layer[aria-pressed='false'] .name,
  .layer[aria-pressed='false'] .figures > * {
    color: var(--szm-muted-color, #6b655c);
  }
  .layer[aria-pressed='false'] .name {
    text-decoration: line-through;
    text-decoration-color: var(--szm-border-color, #cfcac2);
  }
  .layer.empty {
    opacity: 0.6;
  }
  .hint {
    margin: 0.25rem 0 0;
    color: var(--szm-muted-color, #6b655c);
    font-size: 0.75rem;
  }
`;
