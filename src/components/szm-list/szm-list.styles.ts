import { css, unsafeCSS } from 'lit';
import { HEADING_EM, PROJECT_ROW_EM, ZONE_ROW_EM } from './window.js';

/** A heading's text size, in em of the list's font; its height is HEADING_EM of the list's em. */
const HEADING_FONT = 0.8;

export const listStyles = css`
  :host {
    display: block;
    /* With none, a scrolling ancestor scrolls the list (the element panel does). */
    --_max-height: var(--szm-list-max-height, 28rem);
    --_font-size: var(--szm-list-font-size, 0.875rem);
    --_text-color: var(--szm-list-text-color, #25221d);
    --_muted-color: var(--szm-list-muted-color, #5f5a52);
    --_background: var(--szm-list-background, #fff);
    --_border-color: var(--szm-list-border-color, #d8d4cc);
    --_hover-background: var(--szm-list-hover-background, #f2efe9);
    --_highlight-background: var(--szm-list-highlight-background, #fff3c4);
    --_selected-background: var(--szm-list-selected-background, #e3ecfa);
    --_accent-color: var(--szm-list-accent-color, #1f5fb8);
    --_focus-color: var(--szm-list-focus-color, #1f5fb8);
    font-size: var(--_font-size);
    color: var(--_text-color);
    line-height: 1.35;
  }
  :host([hidden]) {
    display: none;
  }
  .bar {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: 0.4rem;
    margin-bottom: 0.4rem;
    color: var(--_muted-color);
  }
  select {
    font: inherit;
    color: var(--_text-color);
    padding: 0.2rem 0.3rem;
    border: 1px solid var(--_border-color);
    border-radius: 4px;
    background: var(--_background);
  }
  select:focus-visible {
    outline: 2px solid var(--_focus-color);
    outline-offset: 1px;
  }
  .box {
    max-height: var(--_max-height);
    overflow-y: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_border-color);
    border-radius: 6px;
    background: var(--_background);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .heading {
    position: sticky;
    top: 0;
    z-index: 1;
    box-sizing: border-box;
    display: flex;
    align-items: center;
    height: ${unsafeCSS(HEADING_EM / HEADING_FONT)}em;
    padding: 0 0.6rem;
    font-weight: 600;
    font-size: ${unsafeCSS(HEADING_FONT)}em;
    color: var(--_muted-color);
    background: color-mix(in srgb, var(--_background) 88%, var(--_border-color));
    border-bottom: 1px solid var(--_border-color);
  }
  /* Rows have the fixed heights the code counts with (window.ts); each text is one line. */
  .row {
    box-sizing: border-box;
    height: ${unsafeCSS(PROJECT_ROW_EM)}em;
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    align-content: center;
    column-gap: 0.45rem;
    padding: 0 0.6rem;
    border-bottom: 1px solid color-mix(in srgb, var(--_border-color) 50%, transparent);
    border-left: 3px solid transparent;
    cursor: pointer;
    overflow: hidden;
    scroll-margin-top: ${unsafeCSS(HEADING_EM)}em;
  }
  /*
   * A short list renders every row: until the list first jumps to a row, the browser lays out and
   * paints only the rows on screen (their size is the fixed height). After a jump it lays out all:
   * rows skipped until then would be blank for a frame.
   */
  .box:not(.jumped) .row {
    content-visibility: auto;
  }
  .row.zone {
    height: ${unsafeCSS(ZONE_ROW_EM)}em;
  }
  .gap {
    display: block;
    padding: 0;
    border: 0;
  }
  .row:hover {
    background: var(--_hover-background);
  }
  .row.hl {
    background: var(--_highlight-background);
    border-left-color: #c99a00;
  }
  .row[aria-selected='true'] {
    background: var(--_selected-background);
    border-left-color: var(--_accent-color);
  }
  .row[aria-selected='true'] .name {
    color: var(--_accent-color);
  }
  .row:focus-visible {
    outline: 2px solid var(--_focus-color);
    outline-offset: -2px;
  }
  .swatch {
    grid-row: 1;
    width: 0.7rem;
    height: 0.7rem;
    margin-top: 0.25rem;
    border-radius: 2px;
    background: var(--c, #888);
  }
  .zone .swatch {
    border-radius: 50%;
    background: transparent;
    border: 2px solid var(--_muted-color);
    box-sizing: border-box;
  }
  .name {
    font-weight: 600;
  }
  .name,
  .meta,
  .detail {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .meta,
  .detail {
    grid-column: 2;
    font-size: 0.88em;
    color: var(--_muted-color);
  }
  .status {
    white-space: nowrap;
  }
  .empty {
    margin: 0;
    padding: 0.8rem;
    color: var(--_muted-color);
    border: 1px dashed var(--_border-color);
    border-radius: 6px;
  }
`;
