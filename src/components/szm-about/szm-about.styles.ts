import { css } from 'lit';

export const aboutStyles = css`
  :host {
    line-height: 1.5;
    overflow-wrap: anywhere;
  }
  h2 {
    margin: 0 0 0.25rem;
    font-size: 1.05rem;
  }
  h3 {
    display: inline;
    margin: 0;
    font-size: 0.9rem;
  }
  p {
    margin: 0.25rem 0 0.5rem;
  }
  .as-of {
    font-weight: 600;
  }
  .counts,
  .meta {
    color: var(--szm-muted-color, #6b645a);
    font-size: 0.8rem;
  }
  details {
    border-top: 1px solid var(--szm-rule-color, #e2ded6);
    padding: 0.35rem 0;
  }
  summary {
    cursor: pointer;
    padding: 0.15rem 0;
  }
  summary:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--szm-link-color, #1f5fa8);
    outline-offset: 2px;
  }
  .sources-heading {
    display: block;
    margin-top: 0.5rem;
    padding-top: 0.5rem;
    border-top: 1px solid var(--szm-rule-color, #e2ded6);
  }
  ol {
    margin: 0.25rem 0 0;
    padding: 0;
    list-style: none;
  }
  .source {
    padding: 0.45rem 0;
    border-bottom: 1px solid var(--szm-rule-color, #e2ded6);
  }
  .source:last-child {
    border-bottom: none;
  }
  .titles {
    margin: 0.1rem 0;
    padding-left: 1.1em;
  }
  .titles li + li {
    margin-top: 0.15rem;
  }
  .publisher {
    font-weight: 600;
  }
  a {
    color: var(--szm-link-color, #1f5fa8);
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .meta time,
  .cited {
    white-space: nowrap;
  }
  .meta > :not(:last-child)::after {
    content: ' ·';
    font-family: var(--szm-font-family, system-ui, sans-serif);
    font-size: 0.8rem;
  }
  .ref {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.75rem;
  }
`;
