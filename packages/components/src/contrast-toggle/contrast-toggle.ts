import { LitElement, html } from 'lit';
import { oneOf, warnOnce } from '../shared/attributes.js';
import { resolveLang } from '../shared/locale.js';
import { hasStored, readStored, writeStored } from '../shared/storage.js';
import { sharedStyles } from '../shared/styles.js';
import { resolveTarget } from '../shared/target.js';
import { contrastStrings } from './contrast-toggle.strings.js';
import { contrastStyles } from './contrast-toggle.styles.js';
import { event } from '../shared/events.js';

/** The themes of `contrast.css`: black on white, light on black, yellow on black. */
export type ContrastMode = 'high' | 'dark' | 'yellow';

const MODES: readonly ContrastMode[] = ['high', 'dark', 'yellow'];
const ATTR = 'data-ar-contrast';

/**
 * A high-contrast switch. Unlike the portals' "Tăng tương phản" links, which only tint the background, it sets
 * `data-ar-contrast="<mode>"` on its target, and the package's `contrast.css` then gives every text in that
 * subtree at least 7:1 contrast (WCAG 1.4.6). Without `contrast.css` on the page the attribute does nothing.
 *
 * @tagname ar-contrast-toggle
 * @summary A native toggle button (`aria-pressed`) that turns a high-contrast theme on the page on and off.
 *
 * @event change - The user toggled the button; read `pressed`. Bubbles and crosses shadow roots. Not fired for
 *   changes made by code, restored from storage or taken from the system preference.
 *
 * @csspart button - The toggle button.
 * @csspart indicator - The box beside the label, with a check mark when pressed (hidden from assistive
 *   technology: `aria-pressed` already conveys the state).
 *
 * @cssprop [--ar-control-bg=#fff] - Button background when off.
 * @cssprop [--ar-control-color=#111] - Button text colour when off.
 * @cssprop [--ar-control-border=currentColor] - Button border colour.
 * @cssprop [--ar-pressed-bg=#111] - Button background when on.
 * @cssprop [--ar-pressed-color=#fff] - Button text colour when on.
 * @cssprop [--ar-radius=0.375rem] - Button corner radius.
 * @cssprop [--ar-focus-color=#1d4ed8] - Focus outline colour.
 * @cssprop [--ar-target-size=44px] - Minimum width and height of the button.
 */
export class ArContrastToggle extends LitElement {
  static override styles = [sharedStyles, contrastStyles];

  static override properties = {
    pressed: { type: Boolean, reflect: true },
    mode: { type: String },
    target: { type: String },
    storageKey: { type: String, attribute: 'storage-key' },
    lang: { type: String, reflect: true },
  };

  /**
   * Whether the theme is on. When nothing is stored, it starts on if the system asks for more contrast
   * (`prefers-contrast: more`).
   */
  declare pressed: boolean;
  /** Which theme: `high` (black on white), `dark` (light on black) or `yellow` (yellow on black). */
  declare mode: ContrastMode;
  /** CSS selector of the element to theme; the document root when empty or matching nothing. */
  declare target: string;
  /** When set, the on/off state is saved in localStorage under this key and restored on load. */
  declare storageKey: string;

  /** The target and the `data-ar-contrast` value it had before, restored when turned off or removed. */
  private applied: { el: HTMLElement; previous: string | null } | undefined;

  constructor() {
    super();
    this.pressed = false;
    this.mode = 'high';
    this.target = '';
    this.storageKey = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Only the first connection decides the start state; a later one (the element was moved) re-applies it.
    if (this.hasUpdated) this.requestUpdate();
    else this.pressed = this.startState();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.restoreTarget();
  }

  private startState(): boolean {
    const key = this.storageKey;
    if (key) {
      const stored = readStored(key);
      if (typeof stored === 'boolean') return stored;
      if (stored !== undefined || hasStored(key)) warnOnce(this, 'storage', `ignored the stored state under "${key}".`);
    }
    return this.pressed || !!globalThis.matchMedia?.('(prefers-contrast: more)').matches;
  }

  protected override willUpdate(): void {
    this.mode = oneOf(this, 'mode', this.mode, MODES, 'high');
  }

  protected override updated(): void {
    this.applyToTarget();
  }

  private applyToTarget(): void {
    if (!this.isConnected) return;
    const el = resolveTarget(this, this.target);
    if (this.applied && (this.applied.el !== el || !this.pressed)) this.restoreTarget();
    if (!this.pressed) return;
    this.applied ??= { el, previous: el.getAttribute(ATTR) };
    el.setAttribute(ATTR, this.mode);
  }

  private restoreTarget(): void {
    if (!this.applied) return;
    const { el, previous } = this.applied;
    if (previous === null) el.removeAttribute(ATTR);
    else el.setAttribute(ATTR, previous);
    this.applied = undefined;
  }

  private toggle(): void {
    this.pressed = !this.pressed;
    if (this.storageKey) writeStored(this.storageKey, this.pressed);
    // Applied now rather than at the next render, so `change` listeners already see the themed target.
    this.applyToTarget();
    this.dispatchEvent(event(this, 'change', { bubbles: true, composed: true }));
  }

  protected override render() {
    return html`<button part="button" type="button" aria-pressed=${this.pressed ? 'true' : 'false'} @click=${this.toggle}>
      <span part="indicator" aria-hidden="true"></span>${contrastStrings[resolveLang(this)].label}
    </button>`;
  }
}
