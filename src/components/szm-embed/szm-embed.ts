import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { parseLang } from '../../i18n/strings.js';
import { te } from '../../i18n/parts-embed.js';
import { embedSnippet, type EmbedKind } from './snippet.js';
import { partStyles } from '../shared/styles.js';
import { embedStyles } from './szm-embed.styles.js';

/**
 * "Embed this view": a copy-paste snippet that reproduces the current filters and selection,
 * as the `<shanxi-zones-map>` element (with a script tag) or as an iframe of the explorer.
 *
 * @summary A read-only embed snippet of the current view, with a copy button.
 *
 * @event szm-embed-copy - The snippet was copied. `detail: {kind, snippet}`.
 *
 * @csspart heading - The title.
 * @csspart kind - The element / iframe choice.
 * @csspart code - The read-only textarea.
 * @csspart copy - The copy button.
 *
 * @cssproperty --szm-font-family - The font stack.
 * @cssproperty --szm-text-color - Text colour.
 * @cssproperty --szm-muted-color - The heading and the copy status.
 * @cssproperty --szm-border-color - Borders of the textarea and button.
 * @cssproperty --szm-panel-background - Background of the textarea and button.
 * @cssproperty --szm-accent-color - Focus ring.
 */
@customElement('szm-embed')
export class SzmEmbed extends LitElement {
  static override styles = [partStyles, embedStyles];

  /** Language of the labels: `zh` (default) or `en`. */
  @property({ reflect: true }) override lang = 'zh';

  /** The element attributes to reproduce, by name (empty values are left out). */
  @property({ attribute: false }) view: Record<string, string> = {};

  /** URL of the library module the element snippet loads. */
  @property({ attribute: 'module-url' }) moduleUrl = '';

  /** URL of the explorer page the iframe snippet shows; no iframe choice when empty. */
  @property({ attribute: 'page-url' }) pageUrl = '';

  /** Which snippet is shown: `element` or `iframe`. */
  @property({ reflect: true }) kind: EmbedKind = 'element';

  @state() private status = '';

  /** The snippet as shown. */
  get snippet(): string {
    const lang = parseLang(this.lang);
    return embedSnippet(this.pageUrl ? this.kind : 'element', this.view, {
      moduleUrl: this.moduleUrl,
      pageUrl: this.pageUrl,
      title: te(lang, 'embed.iframeTitle'),
    });
  }

  private async copy(): Promise<void> {
    const lang = parseLang(this.lang);
    const text = this.snippet;
    try {
      await navigator.clipboard.writeText(text);
      this.status = te(lang, 'embed.copied');
    } catch {
      // No clipboard permission (an iframe, http): select the text so Ctrl+C copies it.
      this.renderRoot.querySelector('textarea')?.select();
      this.status = te(lang, 'embed.copyFailed');
      return;
    }
    this.dispatchEvent(new CustomEvent('szm-embed-copy', { detail: { kind: this.kind, snippet: text }, bubbles: true, composed: true }));
  }

  private choose(kind: EmbedKind): void {
    this.kind = kind;
    this.status = '';
  }

  override render() {
    const lang = parseLang(this.lang);
    return html`
      <h3 part="heading" id="heading">${te(lang, 'embed.heading')}</h3>
      ${this.pageUrl
        ? html`<fieldset class="kinds" part="kind">
            <legend>${te(lang, 'embed.kind')}</legend>
            ${(['element', 'iframe'] as const).map(
              (k) => html`<label><input type="radio" name="kind" value=${k} .checked=${this.kind === k}
                @change=${() => this.choose(k)} /> ${te(lang, k === 'element' ? 'embed.element' : 'embed.iframe')}</label>`,
            )}
          </fieldset>`
        : null}
      <textarea part="code" readonly spellcheck="false" aria-label=${te(lang, 'embed.code')} .value=${this.snippet}
        @focus=${(e: FocusEvent) => (e.target as HTMLTextAreaElement).select()}></textarea>
      <div class="actions">
        <button type="button" part="copy" @click=${() => void this.copy()}>${te(lang, 'embed.copy')}</button>
        <span class="status" role="status" aria-live="polite">${this.status}</span>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'szm-embed': SzmEmbed;
  }
}
