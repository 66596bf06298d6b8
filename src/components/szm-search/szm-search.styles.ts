import { css } from 'lit';

export const searchStyles = css`
  :host {
    display: block;
    position: relative;
    --_font-size: var(--szm-search-font-size, 0.875rem);
    --_text-color: var(--szm-search-text-color, #25221d);
    --_muted-color: var(--szm-search-muted-color, #5f5a52);
    --_background: var(--szm-search-background, #fff);
    --_border-color: var(--szm-search-border-color, #b9b3a8);
    --_accent-color: var(--szm-search-accent-color, #1f5fb8);
    --_active-background: var(--szm-search-active-background, #e3ecfa);
    --_popup-max-height: var(--szm-search-popup-max-height, 22rem);
    font-size: var(--_font-size);
    color: var(--_text-color);
    line-height: 1.35;
  }
  :host([hidden]) {
    display: none;
  }
  .vh {
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
  .field {
    position: relative;
  }
  input {
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    font-size: max(1em, 16px); /* 16px stops phones zooming in on focus */
    color: inherit;
    padding: 0.45rem 2rem 0.45rem 0.6rem;
    border: 1px solid var(--_border-color);
    border-radius: 6px;
    background: var(--_background);
  }
  input::placeholder {
    color: var(--_muted-color);
    opacity: 1;
  }
  input:focus-visible {
    outline: 2px solid var(--_accent-color);
    outline-offset: 1px;
  }
  .clear {
    position: absolute;
    top: 50%;
    right: 0.25rem;
    transform: translateY(-50%);
    width: 1.6rem;
    height: 1.6rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    font-size: 1.1rem;
    line-height: 1;
    color: var(--_muted-color);
    background: transparent;
    cursor: pointer;
  }
  .clear:hover {
    background: var(--_active-background);
  }
  .popup {
    position: absolute;
    z-index: var(--szm-search-z-index, 10);
    top: calc(100% + 2px);
    left: 0;
    right: 0;
    margin: 0;
    padding: 0.2rem 0;
    list-style: none;
    max-height: var(--_popup-max-height);
    overflow-y: auto;
    overscroll-behavior: contain;
    background: var(--_background);
    border: 1px solid var(--_border-color);
    border-radius: 6px;
    box-shadow: 0 6px 18px rgb(0 0 0 / 0.14);
  }
  .popup[hidden] {
    display: none;
  }
  .option {
    display: grid;
    grid-template-columns: 1fr auto;
    column-gap: 0.5rem;
    padding: 0.35rem 0.6rem;
    cursor: pointer;
    border-left: 3px solid transparent;
  }
  .option:hover {
    background: color-mix(in srgb, var(--_active-background) 55%, transparent);
  }
  .option[aria-selected='true'] {
    background: var(--_active-background);
    border-left-color: var(--_accent-color);
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .tag {
    align-self: start;
    margin-top: 0.1rem;
    padding: 0 0.35rem;
    font-size: 0.75em;
    border-radius: 3px;
    white-space: nowrap;
    color: var(--_muted-color);
    border: 1px solid var(--_border-color);
  }
  .tag.zone {
    color: var(--_accent-color);
    border-color: currentColor;
  }
  .alt,
  .zone-of {
    grid-column: 1 / -1;
    font-size: 0.82em;
    color: var(--_muted-color);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .empty {
    padding: 0.6rem;
    color: var(--_muted-color);
    overflow-wrap: anywhere;
  }
`;
