import { LitElement, html, nothing } from 'lit';
import { clampNumber, rawNumber, warnOnce } from '../shared/attributes.js';
import { resolveLang } from '../shared/locale.js';
import { sharedStyles } from '../shared/styles.js';
import { relatedStrings } from './related-articles.strings.js';
import { relatedStyles } from './related-articles.styles.js';
import { safeUrl } from './safe-url.js';
import { customEvent } from '../shared/events.js';

/** One related article as a page (or its JSON feed) gives it. Everything is read as text. */
export interface RelatedArticle {
  /** The link text. Required; whitespace is collapsed and it is capped at 300 characters. */
  title: string;
  /** http(s) or relative to the page; any other scheme skips the item. */
  url: string;
  /** ISO 8601 (`2026-11-25`, `2026-11-25T08:30+07:00`) is shown in the reader's language; other text as is. */
  date?: string;
  /** Thumbnail, http(s) or relative. */
  image?: string;
  /** Text alternative of the thumbnail; without it the thumbnail is decorative (the title names the link). */
  imageAlt?: string;
}

export type RelatedStatus = 'loading' | 'ready' | 'empty' | 'error';
export type RelatedErrorReason = 'network' | 'http' | 'json' | 'shape' | 'timeout';

/** Trimmed text with runs of whitespace collapsed, capped at `cap` characters; '' for anything but a string. */
const clean = (value: unknown, cap = 300): string => {
  const s = typeof value == 'string' ? value.trim().replace(/\s+/g, ' ') : '';
  return s.length > cap ? s.slice(0, cap - 1) + '…' : s;
};

/**
 * The portals' "Bài viết liên quan" box, never left silently empty: a labelled region with a list of real
 * links, taken from `items`, else from the JSON at `src`, else from the `<a href>` elements inside it.
 *
 * @tagname ar-related-articles
 * @summary A list of related articles with loading, empty and error states, in Vietnamese and English.
 *
 * @event ar-related-load - The JSON at `src` was loaded; `detail.count` is the number of articles shown.
 *   Bubbles and crosses shadow roots.
 * @event ar-related-error - Loading `src` failed; `detail.reason` is `network`, `http` (not 2xx), `json`
 *   (malformed), `shape` (neither an array nor `{items: [...]}`) or `timeout`. Bubbles and crosses shadow roots.
 *
 * @slot - Fallback links: `<a href>` elements, or any markup containing them (a portal's own list). Shown
 *   before the script runs; afterwards their text and href are read (never moved) into the list when neither
 *   `items` nor `src` is set, and followed as they change. Unsafe links are skipped.
 * @slot empty - Replaces the default "Nội dung đang cập nhật..." / "No related articles yet" text.
 *
 * @csspart section - The `<section>` region, labelled by its heading.
 * @csspart heading - The heading (h2–h6).
 * @csspart list - The `<ul>`.
 * @csspart item - Each `<li>`.
 * @csspart link - Each article link.
 * @csspart date - The date under a link (`<time>` when it is ISO).
 * @csspart image - Each thumbnail.
 * @csspart loading - The loading text.
 * @csspart empty - The empty-state text.
 * @csspart error - The error message.
 * @csspart retry - The "Thử lại" / "Try again" button.
 *
 * Colours not set here follow contrast.css (`--ar-c-bg`, `--ar-c-fg`, `--ar-c-link`, `--ar-c-visited`) when a
 * contrast theme is on, so the box matches the page the reader chose.
 *
 * @cssprop [--ar-related-bg=#fff] - Box background.
 * @cssprop [--ar-related-color=#111] - Box text colour.
 * @cssprop [--ar-related-border=#6b7280] - Box border colour.
 * @cssprop [--ar-related-thumb-width=6rem] - Thumbnail width; the height follows at 4:3 and the image is
 *   cropped, never stretched.
 * @cssprop [--ar-link-color=#1d4ed8] - Link colour.
 * @cssprop [--ar-link-visited-color=#6b21a8] - Visited link colour.
 * @cssprop [--ar-control-bg=#fff] - Retry button background.
 * @cssprop [--ar-control-color=#111] - Retry button text colour.
 * @cssprop [--ar-radius=0.375rem] - Corner radius.
 * @cssprop [--ar-focus-color=#1d4ed8] - Focus outline colour.
 * @cssprop [--ar-target-size=44px] - Minimum height of each item, and size of the retry button.
 */
export class ArRelatedArticles extends LitElement {
  static override styles = [sharedStyles, relatedStyles];

  static override properties = {
    items: { attribute: false },
    src: {},
    max: { converter: rawNumber },
    heading: {},
    headingLevel: { attribute: 'heading-level', converter: rawNumber },
    timeout: { converter: rawNumber },
    lang: { reflect: true },
    fetched: { state: true },
    failed: { state: true },
    linked: { state: true },
  };

  /** The articles, set from script. When set (not null), `src` and the fallback links are not used. */
  declare items: RelatedArticle[] | null;
  /** URL (http(s) or relative) of JSON: an array of articles or `{"items": [...]}`. Changing it cancels the previous request. */
  declare src: string;
  /** Most articles shown, 1–100. */
  declare max: number;
  /** Heading text; "Bài viết liên quan" / "Related articles" when empty. */
  declare heading: string;
  /** Heading level 2–6, to fit the page's outline; anything else gives 2 with a warning. */
  declare headingLevel: number;
  /** Milliseconds before a request to `src` is abandoned, 1000–60000. */
  declare timeout: number;
  declare private fetched: unknown[] | undefined;
  declare private failed: RelatedErrorReason | '';
  declare private linked: RelatedArticle[];

  private shown: Required<RelatedArticle>[] = [];
  private state: RelatedStatus = 'empty';
  /** The latest request; an answer to any other one is ignored. */
  private request: AbortController | undefined;
  /** The URL last requested, '' when none. */
  private requested = '';
  private observer = new MutationObserver(() => this.readLinks());

  constructor() {
    super();
    this.items = null;
    this.src = '';
    this.max = 10;
    this.heading = '';
    this.headingLevel = 2;
    this.timeout = 10_000;
    this.failed = '';
    this.linked = [];
  }

  /** `loading`, `ready`, `empty` or `error`. Read-only; reflected to the `status` attribute for styling (e.g. `[status=empty]`). */
  get status(): RelatedStatus {
    return this.state;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Pages often fill their box after load: follow the fallback links as they change. (Not every attribute:
    // our own `status` would loop.)
    this.observer.observe(this, { childList: true, subtree: true, characterData: true, attributeFilter: ['href', 'slot'] });
    this.readLinks();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer.disconnect();
    // An unfinished request is cancelled, and made again if the element comes back.
    if (this.state == 'loading') this.load('');
  }

  private readLinks(): void {
    this.linked = [...this.querySelectorAll('a[href]')]
      // Links in the `empty` slot (or any named slot) are not fallback links.
      .filter((a) => a.closest('[slot]')?.parentElement != this)
      .map((a) => ({ title: a.textContent!, url: a.getAttribute('href')! }));
  }

  protected override willUpdate(): void {
    this.max = clampNumber(this, 'max', this.max, 1, 100, 10);
    this.timeout = clampNumber(this, 'timeout', this.timeout, 1000, 60_000, 10_000);
    const level = String(this.headingLevel);
    if (!/^[2-6]$/.test(level)) warnOnce(this, 'heading-level', `heading-level="${level}" is not 2–6; using 2.`);
    this.headingLevel = /^[2-6]$/.test(level) ? +level : 2;
    const items = Array.isArray(this.items) ? this.items : null;
    if (this.items && !items) warnOnce(this, 'items-type', 'ignored items: not an array.');
    const url = items ? '' : safeUrl(this.src);
    if (this.src && !items && !url) warnOnce(this, 'src', `ignored src="${this.src}": not http(s) or relative.`);
    if (url != this.requested) void this.load(url);
    this.shown = this.pick(items ?? (url ? this.fetched : this.linked) ?? []);
    this.state = url && this.failed ? 'error' : url && !this.fetched ? 'loading' : this.shown.length ? 'ready' : 'empty';
    this.setAttribute('status', this.state);
  }

  /**
   * The first `max` valid items. Validation stops there, so a list of 10,000 costs no more than the few
   * shown. Skipped items (no title, an unsafe or unparsable link, a getter that throws) and dropped images
   * are counted in one warning.
   */
  private pick(raw: readonly unknown[]): Required<RelatedArticle>[] {
    const shown: Required<RelatedArticle>[] = [];
    let skipped = 0;
    for (const entry of raw) {
      if (shown.length >= this.max) break;
      try {
        const item = (entry ?? {}) as Record<string, unknown>;
        const title = clean(item.title);
        const url = safeUrl(item.url);
        const image = safeUrl(item.image);
        if (!title || !url) throw 0;
        if (item.image && !image) skipped++;
        shown.push({ title, url, date: clean(item.date, 100), image, imageAlt: clean(item.imageAlt) });
      } catch {
        skipped++;
      }
    }
    if (skipped) warnOnce(this, 'items', `skipped ${skipped} item(s)/image(s): no title, or not an http(s)/relative URL.`);
    return shown;
  }

  /** Cancels the current request, then requests `url` unless it is ''. */
  private async load(url: string): Promise<void> {
    this.request?.abort();
    const request = (this.request = new AbortController());
    this.requested = url;
    this.fetched = undefined;
    this.failed = '';
    if (!url) return;
    let stage: RelatedErrorReason = 'network';
    const timer = setTimeout(() => {
      stage = 'timeout';
      request.abort();
    }, this.timeout);
    try {
      const response = await fetch(url, { signal: request.signal });
      if (!response.ok) throw (stage = 'http');
      const body = await response.text();
      stage = 'json';
      const data: unknown = JSON.parse(body);
      stage = 'shape';
      const list: unknown = Array.isArray(data) ? data : (data as { items?: unknown } | null)?.items;
      if (!Array.isArray(list)) throw 0;
      // Answered after src changed: the newer request owns the list.
      if (request != this.request) return;
      this.fetched = list;
      await this.updateComplete;
      if (request == this.request) this.fire('ar-related-load', { count: this.shown.length });
    } catch {
      if (request == this.request) this.fire('ar-related-error', { reason: (this.failed = stage) });
    } finally {
      clearTimeout(timer);
    }
  }

  private fire(type: string, detail: object): void {
    this.dispatchEvent(customEvent(this, type, { detail, bubbles: true, composed: true }));
  }

  private retry(): void {
    void this.load(this.requested);
    // The button is about to disappear: focus stays in the box, where the outcome is announced.
    this.renderRoot.querySelector('section')!.focus();
  }

  protected override render() {
    const t = relatedStrings[resolveLang(this)];
    const s = this.state;
    const title = this.heading?.trim() || t.heading;
    const level = this.headingLevel;
    // Real heading elements: one static template per level, since Lit cannot bind a tag name.
    const heading =
      level == 3
        ? html`<h3 part="heading" id="h">${title}</h3>`
        : level == 4
          ? html`<h4 part="heading" id="h">${title}</h4>`
          : level == 5
            ? html`<h5 part="heading" id="h">${title}</h5>`
            : level == 6
              ? html`<h6 part="heading" id="h">${title}</h6>`
              : html`<h2 part="heading" id="h">${title}</h2>`;
    const item = (a: Required<RelatedArticle>) => {
      // Only ISO dates have a certain day/month order. A bare date means that calendar day everywhere: in local
      // time it could show the day before.
      const ms = /^\d{4}-\d\d-\d\d([T ][\d:.]+(Z|[+-][\d:]+)?)?$/.test(a.date) ? Date.parse(a.date) : NaN;
      return html`<li part="item">${a.image ? html`<img part="image" src=${a.image} alt=${a.imageAlt} loading="lazy" decoding="async">` : nothing}<div><a part="link" href=${a.url}>${a.title}</a>${
        isNaN(ms)
          ? a.date && html`<span part="date">${a.date}</span>`
          : html`<time part="date" datetime=${a.date}>${new Date(ms).toLocaleDateString(t.locale, { ...t.date, timeZone: a.date.length == 10 ? 'UTC' : undefined })}</time>`
      }</div></li>`;
    };
    return html`<section part="section" aria-labelledby="h" aria-busy=${s == 'loading' || nothing} tabindex="-1">${heading}${
      s == 'ready' ? html`<ul part="list">${this.shown.map(item)}</ul>` : nothing
    }<div role="status">${s == 'ready' ? nothing : html`<p part=${s}>${s == 'empty' ? html`<slot name="empty">${t.empty}</slot>` : t[s]}</p>`}</div>${
      s == 'error' ? html`<button part="retry" type="button" @click=${this.retry}>${t.retry}</button>` : nothing
    }</section>`;
  }
}
