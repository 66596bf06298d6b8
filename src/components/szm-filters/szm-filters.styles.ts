import { css } from 'lit';

export const filtersStyles = css`
  form {
    display: grid;
    gap: 0.625rem;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    min-width: 0;
    margin: 0;
    padding: 0.375rem 0.5rem 0.5rem;
    border: 1px solid var(--szm-border-color, #cfcac2);
    border-radius: 6px;
  }
  legend {
    padding: 0 0.25rem;
    font-weight: 600;
  }
  .option {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    padding: 0.15rem 0.5rem 0.15rem 0.3rem;
    border: 1px solid var(--szm-border-color, #cfcac2);
    border-radius: 999px;
    cursor: pointer;
    user-select: none;
  }
  .option:has(input:checked) {
    border-color: var(--szm-accent-color, #1f6fd1);
    background: color-mix(in srgb, var(--szm-accent-color, #1f6fd1) 10%, transparent);
  }
  .option input {
    margin: 0;
    accent-color: var(--szm-accent-color, #1f6fd1);
  }
  .n {
    color: var(--szm-muted-color, #6b655c);
    font-size: 0.78rem;
    font-variant-numeric: tabular-nums;
  }
  input:focus-visible,
  button:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--szm-accent-color, #1f6fd1);
    outline-offset: 2px;
  }
  details {
    width: 100%;
  }
  summary {
    cursor: pointer;
    padding: 0.1rem 0;
  }
  .cities {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin-top: 0.375rem;
  }
  .range {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.375rem;
    width: 100%;
  }
  .range > span {
    padding-bottom: 0.3rem;
  }
  .bound {
    display: grid;
    gap: 0.1rem;
    flex: 1 1 4.5rem;
    min-width: 0;
    font-size: 0.78rem;
    color: var(--szm-muted-color, #6b655c);
  }
  .bound input {
    width: 100%;
    box-sizing: border-box;
    padding: 0.25rem 0.375rem;
    border: 1px solid var(--szm-border-color, #cfcac2);
    border-radius: 4px;
    font: inherit;
    font-size: 0.875rem;
    color: var(--szm-text-color, #25221d);
    background: #fff;
  }
  .bound input[aria-invalid='true'] {
    border-color: var(--szm-error-color, #b3261e);
  }
  button {
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--szm-border-color, #cfcac2);
    border-radius: 4px;
    background: #fff;
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
    opacity: 0.5;
  }
  .error {
    width: 100%;
    margin: 0;
    color: var(--szm-error-color, #b3261e);
    font-size: 0.78rem;
  }
  .error:empty {
    display: none;
  }
  .hint {
    margin: 0;
    color: var(--szm-muted-color, #6b655c);
    font-size: 0.75rem;
  }
  .reset {
    justify-self: start;
  }
`;
