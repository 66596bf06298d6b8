import { css } from 'lit';

/**
 * What every panel part shares: a block in the element's font and text colour (both themable
 * with `--szm-font-family` and `--szm-text-color`), hidden by the `hidden` attribute. A part's
 * own styles come after this and may override it.
 */
export const partStyles = css`
  :host {
    display: block;
    font-family: var(--szm-font-family, system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif);
    color: var(--szm-text-color, #25221d);
    font-size: 0.875rem;
    line-height: 1.35;
  }
  :host([hidden]) {
    display: none;
  }
`;
