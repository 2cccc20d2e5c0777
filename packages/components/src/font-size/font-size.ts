import { LitElement, html } from 'lit';
import { clampNumber, rawNumber, warnOnce } from '../shared/attributes.js';
import { formatNumber, resolveLang } from '../shared/locale.js';
import { readStored, writeStored } from '../shared/storage.js';
import { sharedStyles } from '../shared/styles.js';
import { resolveTarget } from '../shared/target.js';
import { fontSizeStrings } from './font-size.strings.js';
import { fontSizeStyles } from './font-size.styles.js';
import { event } from '../shared/events.js';

/** The widest range any page may ask for, whatever `min` and `max` say. */
const FLOOR = 50;
const CEILING = 500;

/**
 * The "A- A A+" text-size control. Unlike the portals' own links, A+ always makes text larger: it sets
 * `font-size: <value>%` and `--ar-font-scale` on its target, so rem/em-based layouts reflow.
 *
 * @tagname ar-font-size
 * @summary Three native buttons that change the text size of the page (or of `target`).
 *
 * @event change - The user changed the size; read `value`. Bubbles and crosses shadow roots. Not fired for
 *   changes made by code or restored from storage.
 *
 * @csspart group - The `role=group` wrapper of the three buttons.
 * @csspart button - Each button.
 * @csspart decrease - The "A-" button.
 * @csspart reset - The "A" button.
 * @csspart increase - The "A+" button.
 * @csspart status - The visually hidden live region announcing the new size.
 *
 * @cssprop [--ar-control-bg=#fff] - Button background.
 * @cssprop [--ar-control-color=#111] - Button text colour.
 * @cssprop [--ar-control-border=currentColor] - Button border colour.
 * @cssprop [--ar-radius=0.375rem] - Button corner radius.
 * @cssprop [--ar-gap=0.5rem] - Space between the buttons.
 * @cssprop [--ar-focus-color=#1d4ed8] - Focus outline colour.
 * @cssprop [--ar-target-size=44px] - Minimum width and height of each button.
 */
export class ArFontSize extends LitElement {
  static override styles = [sharedStyles, fontSizeStyles];

  static override properties = {
    value: { type: Number, reflect: true, converter: rawNumber },
    min: { type: Number, converter: rawNumber },
    max: { type: Number, converter: rawNumber },
    step: { type: Number, converter: rawNumber },
    target: { type: String },
    storageKey: { type: String, attribute: 'storage-key' },
    lang: { type: String, reflect: true },
    announcement: { state: true, attribute: false },
  };

  /** Text size in percent of the target's normal size. Clamped to `min`–`max`. */
  declare value: number;
  /** Smallest size in percent (at least 50). */
  declare min: number;
  /** Largest size in percent (at most 500). */
  declare max: number;
  /** Percent added or removed by A+ / A-. */
  declare step: number;
  /** CSS selector of the element to resize; the document root when empty or matching nothing. */
  declare target: string;
  /** When set, the size is saved in localStorage under this key and restored on load. */
  declare storageKey: string;
  declare private announcement: string;

  /** The inline `font-size` the target had before this control touched it, restored at 100% and on removal. */
  private applied: { el: HTMLElement; fontSize: string; priority: string } | undefined;

  constructor() {
    super();
    this.value = 100;
    this.min = 80;
    this.max = 200;
    this.step = 10;
    this.target = '';
    this.storageKey = '';
    this.announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.storageKey) {
      const stored = readStored(this.storageKey);
      if (typeof stored === 'number' && Number.isFinite(stored)) this.value = stored;
      else if (stored !== undefined) warnOnce(this, 'storage', `ignored the stored size under "${this.storageKey}".`);
    }
    // Moved back into a document: the size taken off on removal applies again.
    if (this.hasUpdated) this.applyToTarget();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.restoreTarget();
  }

  protected override willUpdate(): void {
    this.min = clampNumber(this, 'min', this.min, FLOOR, CEILING, 80);
    this.max = clampNumber(this, 'max', this.max, FLOOR, CEILING, 200);
    if (this.min > this.max) {
      warnOnce(this, 'range', `min ${this.min} is above max ${this.max}; using 80–200.`);
      this.min = 80;
      this.max = 200;
    }
    this.step = clampNumber(this, 'step', this.step, 1, 100, 10);
    this.value = clampNumber(this, 'value', this.value, this.min, this.max, Math.min(this.max, Math.max(this.min, 100)));
  }

  protected override updated(): void {
    this.applyToTarget();
  }

  private applyToTarget(): void {
    // Removed from the page (its script may still set `value`): its target would resolve to a document root.
    if (!this.isConnected) return;
    const el = resolveTarget(this, this.target);
    if (this.applied && this.applied.el !== el) this.restoreTarget();
    if (this.value === 100) {
      this.restoreTarget();
      el.style.removeProperty('--ar-font-scale');
      return;
    }
    this.applied ??= { el, fontSize: el.style.getPropertyValue('font-size'), priority: el.style.getPropertyPriority('font-size') };
    el.style.setProperty('font-size', `${this.value}%`);
    el.style.setProperty('--ar-font-scale', String(this.value / 100));
  }

  private restoreTarget(): void {
    if (!this.applied) return;
    const { el, fontSize, priority } = this.applied;
    if (fontSize) el.style.setProperty('font-size', fontSize, priority);
    else el.style.removeProperty('font-size');
    el.style.removeProperty('--ar-font-scale');
    this.applied = undefined;
  }

  private change(to: number): void {
    const next = Math.min(this.max, Math.max(this.min, to));
    if (next === this.value) return;
    this.value = next;
    if (this.storageKey) writeStored(this.storageKey, next);
    const t = fontSizeStrings[resolveLang(this)];
    // Clearing first makes a repeated size ("120%" twice) announced again.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = t.announce(`${formatNumber(next, resolveLang(this), 0)}%`)));
    this.dispatchEvent(event(this, 'change', { bubbles: true, composed: true }));
  }

  protected override render() {
    const t = fontSizeStrings[resolveLang(this)];
    const atMin = this.value <= this.min;
    const atMax = this.value >= this.max;
    const reset = Math.min(this.max, Math.max(this.min, 100));
    return html`
      <div part="group" role="group" aria-label=${t.group}>
        <button part="button decrease" type="button" aria-disabled=${atMin ? 'true' : 'false'} @click=${() => this.change(this.value - this.step)}>
          A-<span class="vh"> ${t.smaller}</span>
        </button>
        <button part="button reset" type="button" @click=${() => this.change(reset)}>A<span class="vh"> ${t.reset}</span></button>
        <button part="button increase" type="button" aria-disabled=${atMax ? 'true' : 'false'} @click=${() => this.change(this.value + this.step)}>
          A+<span class="vh"> ${t.larger}</span>
        </button>
      </div>
      <span part="status" class="vh" role="status">${this.announcement}</span>
    `;
  }
}
