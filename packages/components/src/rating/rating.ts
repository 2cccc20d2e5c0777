import { LitElement, html, type PropertyValues } from 'lit';
import { clampNumber, rawNumber, warnOnce } from '../shared/attributes.js';
import { formatNumber, resolveLang } from '../shared/locale.js';
import { readStored, writeStored } from '../shared/storage.js';
import { sharedStyles } from '../shared/styles.js';
import { ratingStrings } from './rating.strings.js';
import { ratingStyles } from './rating.styles.js';
import { customEvent, event } from '../shared/events.js';

/** What the server (or a `respondWith` listener) reports after a vote. */
export interface RatingSummary {
  average: number;
  count: number;
}

/** `detail` of `ar-rating-submit`. */
export interface RatingSubmitDetail {
  /** The chosen number of stars. */
  value: number;
  /**
   * Takes over sending, like `FetchEvent.respondWith`; call it while the event is dispatched. The component
   * then posts nothing, shows "sending", and takes the promise's fulfilment as success (updating the summary
   * when it is a `RatingSummary`) and its rejection as failure (reason `rejected`).
   */
  respondWith(result: Promise<RatingSummary | void>): void;
}

export type RatingStatus = 'idle' | 'submitting' | 'sent' | 'error';
export type RatingErrorReason = 'network' | 'timeout' | 'http' | 'malformed' | 'rejected';

const num = { converter: rawNumber };

/** The summary in `data`, or undefined when a server or listener sent anything else. */
function asSummary(data: unknown): RatingSummary | undefined {
  const { average, count } = (data ?? {}) as Partial<RatingSummary>;
  return Number.isFinite(average) && Number.isInteger(count) && count! >= 0 ? { average: average!, count: count! } : undefined;
}

/**
 * A star rating that replaces the portals' bare jQuery radios: a summary readers can hear ("Điểm trung bình
 * 4,2/5 từ 128 lượt đánh giá"), a native radio group (arrow keys move and select, Tab enters it once) and a
 * native send button. Choosing a star sends nothing; only the button does, once.
 *
 * Who sends, in order: a listener of `ar-rating-submit` that calls `detail.respondWith(promise)` (this is how
 * the retrofit engine reuses a site's own vote); nobody, if the event is cancelled; `endpoint`, as a JSON POST;
 * the surrounding `<form>`, when `name` is set; otherwise the vote is only recorded (and stored).
 *
 * To show every state in a story without a server, answer `ar-rating-submit` with
 * `respondWith(new Promise(() => {}))` (sending), `Promise.resolve({ average, count })` (sent) or
 * `Promise.reject()` (error).
 *
 * @tagname ar-rating
 * @summary Rate an article with 1–`max` stars and see the average as text.
 *
 * @event change - The user chose a star (nothing is sent yet). Bubbles.
 * @event ar-rating-submit - Cancelable; `detail: RatingSubmitDetail`. Bubbles and crosses shadow roots.
 * @event ar-rating-success - The vote was taken; `detail: { value, average?, count? }`. Bubbles, composed.
 * @event ar-rating-error - The vote failed and can be retried; `detail: { value, reason: 'network' | 'timeout' |
 *   'http' | 'malformed' | 'rejected' }`. Bubbles, composed.
 *
 * @csspart summary - The average and number of ratings, as text.
 * @csspart stars - The wrapper of the star radios.
 * @csspart star - Each star's label: the 44 px target around its radio.
 * @csspart submit - The send button (it reads "sending…" and "try again" in those states).
 * @csspart retry - The same button while it offers to try again.
 * @csspart rated - "You rated 4 stars", shown instead of the radios once sent.
 * @csspart message - The live region: thanks or the error.
 *
 * @cssprop [--ar-star-color=#b45309] - Filled stars; keep at least 3:1 against the background.
 * @cssprop [--ar-star-size=1.75em] - Size of the star characters.
 * @cssprop [--ar-error-color=#b91c1c] - Error message text.
 * @cssprop [--ar-control-bg=#fff] - Button background.
 * @cssprop [--ar-control-color=#111] - Button text colour.
 * @cssprop [--ar-control-border=currentColor] - Button border colour.
 * @cssprop [--ar-radius=0.375rem] - Button corner radius.
 * @cssprop [--ar-focus-color=#1d4ed8] - Focus outline colour.
 * @cssprop [--ar-target-size=44px] - Minimum width and height of each star and the button.
 */
export class ArRating extends LitElement {
  static formAssociated = true;
  static override styles = [sharedStyles, ratingStyles];

  static override properties = {
    value: num,
    max: num,
    average: num,
    count: num,
    timeout: num,
    readonly: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    name: { reflect: true },
    endpoint: {},
    storageKey: { attribute: 'storage-key' },
    lang: { type: String, reflect: true },
    // attribute: false as well keeps internal state out of custom-elements.json's attributes.
    st: { state: true, attribute: false },
    msg: { state: true, attribute: false },
    formOff: { state: true, attribute: false },
  };

  /** Chosen stars, 0 = none yet. The `value` attribute is the initial value, restored by a form reset. */
  declare value: number;
  /** Number of stars, 1–10. */
  declare max: number;
  /** Average rating shown in the summary, 0–`max`. */
  declare average: number;
  /** Number of ratings so far (whole number); 0 shows "no ratings yet". */
  declare count: number;
  /** Milliseconds before a POST to `endpoint` counts as failed (reason `timeout`), 1000–60000. */
  declare timeout: number;
  /** Shows only the summary text: no radios, no button. */
  declare readonly: boolean;
  /** Radios and button are disabled (also when inside a disabled `<fieldset>`). */
  declare disabled: boolean;
  /** Form field name: the chosen value is submitted with the surrounding `<form>`. */
  declare name: string | undefined;
  /** http(s) or relative URL that receives `POST {"value": n}` as JSON and answers `{"average": x, "count": n}`. */
  declare endpoint: string;
  /** When set, a sent rating is remembered in localStorage under this key and shown as sent on return. */
  declare storageKey: string;
  declare private st: RatingStatus;
  declare private msg: '' | 'thanks' | 'error';
  /** Disabled by a `<fieldset>` or by the `disabled` attribute, as the form sees it. */
  declare private formOff: boolean;

  /**
   * Form association. Absent where the element was upgraded by the custom-elements polyfill (extension content
   * scripts): the native attachInternals() refuses such elements, and the rating must still work there.
   */
  private internals: ElementInternals | undefined;
  private initial?: number;
  /** `endpoint` once checked; '' when absent or not http(s). */
  private url = '';

  constructor() {
    super();
    try {
      this.internals = this.attachInternals();
    } catch {
      this.internals = undefined;
    }
    Object.assign(this, { value: 0, max: 5, average: 0, count: 0, timeout: 10000, readonly: false, disabled: false, endpoint: '', storageKey: '', st: 'idle', msg: '', formOff: false });
  }

  /** 'idle' | 'submitting' | 'sent' | 'error'; reflected as the `status` attribute, for styling. */
  get status(): RatingStatus {
    return this.st;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.storageKey && this.st === 'idle') {
      const stored = readStored(this.storageKey);
      if (Number.isInteger(stored) && (stored as number) > 0) {
        this.value = stored as number;
        this.st = 'sent';
      } else if (stored !== undefined) warnOnce(this, 'storage', `ignored the stored rating under "${this.storageKey}".`);
    }
  }

  formResetCallback(): void {
    if (this.st === 'sent' || this.st === 'submitting') return;
    this.value = this.initial!;
    this.st = 'idle';
    this.msg = '';
  }

  async formDisabledCallback(disabled: boolean): Promise<void> {
    // Also called while Lit reflects `disabled`, mid-update, when a change would be lost: apply it after.
    await this.updateComplete;
    this.formOff = disabled;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const whole = (key: 'max' | 'value' | 'count', max: number, fallback: number) => {
      const n = clampNumber(this, key, this[key], key === 'max' ? 1 : 0, max, fallback);
      if (n % 1) warnOnce(this, key, `${key}=${n} is not a whole number; using ${Math.round(n)}.`);
      this[key] = Math.round(n);
    };
    whole('max', 10, 5);
    whole('value', this.max, 0);
    whole('count', 1e15, 0);
    this.average = clampNumber(this, 'average', this.average, 0, this.max, 0);
    this.timeout = clampNumber(this, 'timeout', this.timeout, 1000, 60000, 10000);
    this.initial ??= this.value;
    if (changed.has('endpoint')) {
      const raw = this.endpoint?.trim();
      this.url = '';
      try {
        const url = new URL(raw, document.baseURI);
        if (raw && /^https?:$/.test(url.protocol)) this.url = url.href;
      } catch {
        // Unparsable: ignored like any other unusable URL, below.
      }
      if (raw && !this.url) warnOnce(this, 'endpoint', `ignored endpoint="${raw}": only http(s) and relative URLs are used.`);
    }
  }

  protected override updated(): void {
    this.internals?.setFormValue(this.value ? String(this.value) : null);
    this.setAttribute('status', this.st);
  }

  private async submit(): Promise<void> {
    const { value, st } = this;
    if (st === 'submitting' || st === 'sent' || this.disabled || this.formOff) return;
    if (!value) return this.renderRoot.querySelector('input')?.focus();
    // Set before anything can wait, so that repeated clicks and Enter presses send once.
    this.st = 'submitting';
    this.msg = '';
    let job: Promise<RatingSummary | void> | undefined;
    const submit = customEvent<RatingSubmitDetail>(this, 'ar-rating-submit', {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail: { value, respondWith: (result) => (job = result) },
    });
    this.dispatchEvent(submit);
    const delegated = job;
    if (!job) {
      const form = this.name && !this.url ? this.internals?.form : null;
      if (submit.defaultPrevented || form) {
        this.st = 'idle';
        if (!submit.defaultPrevented) form!.requestSubmit();
        return;
      }
      job = this.url ? this.post(value) : Promise.resolve();
    }
    // Render "sending" (and the emptied live region) first, so that a repeated error is announced again.
    await this.updateComplete;
    try {
      const summary = asSummary(await job);
      const focused = this.shadowRoot!.activeElement;
      if (summary) Object.assign(this, summary);
      if (this.storageKey) writeStored(this.storageKey, value);
      this.value = value;
      this.st = 'sent';
      this.msg = 'thanks';
      this.dispatchEvent(customEvent(this, 'ar-rating-success', { bubbles: true, composed: true, detail: { value, ...summary } }));
      await this.updateComplete;
      // The radios and button are gone: keep the reader's place on the result rather than the page top.
      if (focused) this.renderRoot.querySelector<HTMLElement>('[tabindex]')!.focus();
    } catch (reason) {
      this.st = 'error';
      this.msg = 'error';
      this.dispatchEvent(customEvent(this, 'ar-rating-error', { bubbles: true, composed: true, detail: { value, reason: delegated ? 'rejected' : reason } }));
    }
  }

  /** POSTs the vote; rejects with a `RatingErrorReason`. */
  private async post(value: number): Promise<RatingSummary> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.timeout);
    const fail = (reason: RatingErrorReason): never => {
      throw abort.signal.aborted ? 'timeout' : reason;
    };
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ value }),
        signal: abort.signal,
      }).catch(() => fail('network'));
      if (!response.ok) fail('http');
      return asSummary(await response.json().catch(() => fail('malformed'))) ?? fail('malformed');
    } finally {
      clearTimeout(timer);
    }
  }

  protected override render() {
    const lang = resolveLang(this);
    const t = ratingStrings[lang];
    const { value, max, st, count } = this;
    const n = (x: number, digits = 0) => formatNumber(x, lang, digits);
    const stars = (x: number) => t.stars(x, n(x));
    const busy = String(st === 'submitting');
    const summary = html`<p part="summary">${count ? t.summary(n(this.average, 1), n(max), count, n(count)) : t.none}</p>`;
    if (this.readonly) return summary;
    return html`${summary}
      ${st === 'sent'
        ? html`<p part="rated" tabindex="-1"><span class="on" aria-hidden="true">${'★'.repeat(value)}</span><span aria-hidden="true">${'☆'.repeat(max - value)}</span> ${t.rated} ${stars(value)}</p>`
        : html`<fieldset ?disabled=${this.disabled || this.formOff} aria-busy=${busy}>
            <legend>${t.legend}</legend>
            <div part="stars">
              ${/* Not Array.from: Prototype.js pages replace it with one that ignores the map function. */ [...Array(max).keys()].map((i) => {
                const on = ++i <= value;
                return html`<label part="star" class=${on ? 'on' : ''}><input type="radio" name="star" .checked=${i === value} @change=${() => this.pick(i)} /><span aria-hidden="true">${on ? '★' : '☆'}</span><span class="vh">${stars(i)}</span></label>`;
              })}
            </div>
            <button part="submit ${st === 'error' ? 'retry' : ''}" type="button" aria-disabled=${busy} @click=${this.submit}>${busy === 'true' ? t.sending : st === 'error' ? t.retry : t.submit}</button>
          </fieldset>`}
      <p part="message" role="status" class=${this.msg}>${this.msg && t[this.msg]}</p>`;
  }

  private pick(value: number): void {
    this.value = value;
    this.dispatchEvent(event(this, 'change', { bubbles: true }));
  }
}
