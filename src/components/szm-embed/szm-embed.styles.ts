import { css } from 'lit';

export const embedStyles = css`
  :host {
    font-size: 0.8rem;
  }
  h3 {
    margin: 0 0 0.35rem;
    font-size: 0.8rem;
    color: var(--szm-muted-color, #5c564b);
  }
  .kinds {
    display: flex;
    gap: 0.75rem;
    margin: 0 0 0.35rem;
    padding: 0;
    border: 0;
  }
  .kinds legend {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }
  textarea {
    box-sizing: border-box;
    width: 100%;
    min-height: 5.5rem;
    resize: vertical;
    font: 0.75rem/1.35 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    color: inherit;
    background: var(--szm-panel-background, #fff);
    border: 1px solid var(--szm-border-color, #cfcac2);
    border-radius: 4px;
    padding: 0.35rem;
  }
  .actions {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin-top: 0.3rem;
  }
  button {
    font: inherit;
    padding: 0.2rem 0.6rem;
    border: 1px solid var(--szm-border-color, #b8b0a2);
    border-radius: 4px;
    background: var(--szm-panel-background, #fff);
    color: inherit;
    cursor: pointer;
  }
  button:focus-visible,
  textarea:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--szm-accent-color, #1a5fb4);
    outline-offset: 2px;
  }
  .status {
    color: var(--szm-muted-color, #5c564b);
  }
`;
