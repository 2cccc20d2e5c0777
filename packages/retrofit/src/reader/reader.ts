import { OWN } from '../dom.js';
import { readingBlocks, type ReadingBlock } from '../extract/blocks.js';
import { extractFrom, onRequest, pageBlocks } from '../extract/extract.js';
import type { ExtractedArticle, ExtractOptions } from '../extract/types.js';
import { readAloudOf } from '../read-aloud/page.js';
import { buildPlayer } from '../read-aloud/player.js';
import { createSpeaker, reveal, type Speaker } from '../read-aloud/speaker.js';
import type { Speech } from '../read-aloud/voices.js';
import type { Contrast, LineWidth, ReaderSettings } from '../types.js';
import { checkbox, choiceGroup, disclosures, nextScale, sizeGroup, type Listen, type SizePress } from '../ui/bar.js';
import { h } from '../ui/h.js';
import { icon } from '../ui/icons.js';
import { languages } from './lang.js';
import { lockPage } from './page-lock.js';
import { READER_DEFAULTS, resolveReaderSettings } from './reader-settings.js';
import { READER_CSS } from './reader.styles.js';
import { readerStrings } from './reader.strings.js';
import { componentsIn, ratingFor, relatedFor } from './widgets.js';

export type { LineWidth, ReaderSettings };

export interface ReaderOptions {
  /** Tag prefix of the components in the view (`ar-rating`…). Default `ar`. */
  tagPrefix?: string;
  /** Language of the view's controls; default from the page (Vietnamese unless it is in another language). */
  lang?: 'vi' | 'en';
  /** Initial settings (for instance the engine's, so the view matches the page the reader set up). */
  settings?: Partial<ReaderSettings>;
  /** Where focus goes back when the view closes; default the element that had focus when it opened. */
  invoker?: Element | null;
  /** How the article is found; its time limit defaults to 1 s here (the reader asked), not extract()'s 200 ms. */
  extract?: ExtractOptions;
  /** Speech synthesis for read-aloud; default the window's. */
  speech?: Speech;
  /**
   * The view lives in a closed shadow root and its controls act on the reader's own input only (trusted
   * events), like the guarded toolbar: a page script can neither read the view nor change the reader's
   * settings through it. The extension sets this.
   */
  guard?: boolean;
  /** Called after every change of the settings (the reader's or `update()`'s): where an embedder remembers them. */
  onChange?: (settings: Readonly<ReaderSettings>) => void;
  /** Called after the view closed and the page is back as it was. */
  onClose?: (settings: Readonly<ReaderSettings>) => void;
}

export interface ReaderView {
  readonly article: ExtractedArticle;
  readonly settings: Readonly<ReaderSettings>;
  /** The view's shadow root (open unless `guard`, for tests and embedders' styles). */
  readonly root: ShadowRoot;
  readonly open: boolean;
  update(partial: Partial<ReaderSettings>): void;
  /** Closes the view: the page is exactly as before (DOM, scroll position), focus back where it was. */
  close(): void;
}

const CONTRASTS: readonly Contrast[] = ['off', 'high', 'dark', 'yellow'];
const WIDTHS: readonly LineWidth[] = ['narrow', 'medium', 'wide'];
const HOST_STYLE =
  'position:fixed!important;inset:0!important;z-index:2147483647!important;display:block!important;margin:0!important;' +
  'width:auto!important;height:auto!important;transform:none!important;opacity:1!important;visibility:visible!important';

const open = new WeakMap<Document, View>();

/** The element that has focus, looking into shadow roots (the engine's toolbar button lives in one). */
function deepActive(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el && el !== doc.body ? el : null;
}

/** `Ngày 16/10/2024, 09:12` / `16 October 2024, 09:12`: the date as the portals write it, in words in English. */
function formatDate(iso: string, lang: 'vi' | 'en'): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d:\d\d))?/.exec(iso);
  if (!m) return iso;
  const day = lang === 'vi' ? `Ngày ${m[3]}/${m[2]}/${m[1]}` : new Date(+m[1]!, +m[2]! - 1, +m[3]!).toLocaleDateString('en-GB', { dateStyle: 'long' });
  return m[4] ? `${day}, ${m[4]}` : day;
}

class View implements ReaderView {
  settings: ReaderSettings;
  open = true;
  readonly root: ShadowRoot;
  private readonly host: HTMLElement;
  private readonly unlock: () => void;
  private readonly invoker: Element | null;
  private readonly speaker: Speaker;
  private readonly sync: () => void;
  private readonly scroller: HTMLElement;
  private readonly resized: ResizeObserver | undefined;
  /** Runs a change of size, spacing or width and scrolls so that the text the reader was on stays in place. */
  private readonly keepPlace: (change: () => void) => void;

  constructor(
    private readonly doc: Document,
    readonly article: ExtractedArticle,
    found: ReturnType<typeof extractFrom>['found'],
    private readonly options: ReaderOptions,
  ) {
    const win = doc.defaultView!;
    this.settings = resolveReaderSettings(options.settings, READER_DEFAULTS);
    this.invoker = options.invoker ?? deepActive(doc);
    const prefix = options.tagPrefix && /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(options.tagPrefix) ? options.tagPrefix : 'ar';
    const { ui, text: textLang } = languages(doc, article.title, options.lang, pageBlocks(article)[0]?.el);
    const t = readerStrings[ui];
    const guard = !!options.guard;
    const make = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...kids: Array<Node | string>) => h(doc, tag, attrs, ...kids);
    /** A listener that acts on the reader's own input only when guarded; an error in it never escapes. */
    const on: Listen = (el, type, fn) =>
      el.addEventListener(type, (e) => {
        if (guard && !e.isTrusted) return;
        try {
          fn(e as Parameters<typeof fn>[0]);
        } catch (error) {
          console.error('Accessible Reader: a reader view control failed.', error);
        }
      });

    this.host = make('div', { [OWN]: '', 'data-ar-reader': '', lang: ui, style: HOST_STYLE });
    this.root = this.host.attachShadow({ mode: guard ? 'closed' : 'open' });
    const style = make('style', {}, READER_CSS);
    this.scroller = make('div', { class: 'scroller' });
    const withComponents = componentsIn(win, prefix);

    // The bar: the way back, then the toolbar's controls in the toolbar's order (size, colours, more, read
    // aloud). Colours and "more" open under the row, one at a time.
    const backButton = () => {
      const b = make('button', { type: 'button', class: 'back' }, icon(doc, 'back'), make('span', {}, t.back));
      on(b, 'click', () => this.close());
      return b;
    };
    const status = make('span', { class: 'vh', role: 'status' });
    const size = sizeGroup(doc, t);
    const press = (which: SizePress) => {
      const next = nextScale(this.settings.fontScale, which);
      if (next === this.settings.fontScale) return;
      this.update({ fontScale: next });
      status.textContent = t.sizeNow.replace('{n}', String(Math.round(next * 100)));
    };
    for (const which of ['smaller', 'reset', 'larger'] as const) on(size.buttons[which], 'click', () => press(which));
    const panels = disclosures(doc, on);
    const colours = choiceGroup(doc, on, {
      legend: t.colours,
      name: 'contrast',
      values: CONTRASTS,
      label: (v) => t[v],
      swatch: (v) => `s-${v}`,
      pick: (contrast) => this.update({ contrast }),
      attrs: { class: 'panel' },
    });
    const more = make('div', { class: 'panel' });
    const spacing = checkbox(doc, on, t.spacing, (c) => this.update({ spacing: c ? 'wcag' : 'off' }));
    const widths = choiceGroup(doc, on, { legend: t.width, name: 'width', values: WIDTHS, label: (v) => t[v], pick: (width) => this.update({ width }) });
    more.append(spacing.label, widths.fieldset);
    const row = make('div', { class: 'row' }, backButton(), size.group, panels.add('colours', t.colours, colours.fieldset), panels.add('more', t.more, more));
    const bar = make('section', { class: 'bar', 'aria-label': t.tools }, row, colours.fieldset, more, status);

    // The article.
    const main = make('main');
    const articleEl = make('article', { lang: textLang || ui, 'aria-labelledby': 'ar-reader-title' });
    const h1 = make('h1', { id: 'ar-reader-title', tabindex: '-1' }, article.title);
    articleEl.append(h1);
    const meta = make('p', { class: 'meta', 'data-skip': '' });
    if (article.published) meta.append(make('time', { datetime: article.published }, formatDate(article.published, ui)));
    if (article.byline) meta.append(doc.createTextNode(`${article.published ? ' · ' : ''}${t.byline}: ${article.byline}`));
    if (meta.firstChild) articleEl.append(meta);
    if (article.lead) articleEl.append(make('p', { class: 'lead' }, article.lead));
    const body = doc.importNode(article.content, true);
    for (const table of body.querySelectorAll('table')) {
      // Wide tables scroll on their own instead of making the whole view scroll sideways.
      const caption = table.querySelector('caption')?.textContent?.trim();
      const box = make('div', { class: 'table', role: 'region', tabindex: '0', 'aria-label': caption ? `${t.table}: ${caption}` : t.table });
      table.replaceWith(box);
      box.append(table);
    }
    articleEl.append(...body.childNodes);
    if (article.source) articleEl.append(make('p', { class: 'source', 'data-skip': '' }, `${t.source}: ${article.source}`));
    const after = make('div', { class: 'after' });
    if (withComponents) {
      const rating = ratingFor(doc, found, prefix, ui);
      const related = relatedFor(doc, found, prefix, ui, t.related);
      if (rating) after.append(rating);
      if (related) after.append(related);
    }
    const end = make('p');
    end.append(backButton());
    after.append(end);
    main.append(articleEl, after);

    // Read aloud: lead and body, never the title line, menus or counters (they are not in the view at all).
    const blocks: ReadingBlock[] = readingBlocks(articleEl).filter((b) => !b.el.closest('h1, [data-skip]'));
    const top = make('div', { class: 'top' });
    /** How much of the view the sticky top covers (nothing where it does not stick: short windows). */
    const covered = () => (win.getComputedStyle(top).position === 'sticky' ? top.offsetHeight : 0);
    let refresh = () => {};
    this.speaker = createSpeaker(win, { blocks, lang: textLang || ui, ...(options.speech ? { speech: options.speech } : {}), onChange: () => refresh() }, (range) =>
      reveal(range, this.scroller, covered()),
    );
    const player = buildPlayer(doc, ui, this.speaker, textLang || ui);
    // "Đọc to" is the bar's last control, as in the toolbar; the rest of the player (stop, sentences, speed,
    // voice, what is happening) opens under the bar once reading has started, so it never pushes the title down.
    row.append(player.main);
    player.el.hidden = true;
    refresh = () => {
      player.update();
      if (this.speaker.state !== 'idle') player.el.hidden = false;
    };
    // Clicking a paragraph (not a link, not selecting text) chooses where reading starts or goes on:
    // the play button then reads "Đọc từ đây" / "Read from here".
    on(articleEl, 'click', (e) => {
      const target = e.target as Element;
      if (target.closest('a, button') || String(win.getSelection() ?? '')) return;
      let index = -1;
      blocks.forEach((b, i) => b.el.contains(target) && (index = i));
      if (index >= 0) this.speaker.moveTo(index);
    });

    top.append(bar, player.el);
    this.scroller.append(top, main);
    this.root.append(style, this.scroller);
    on(this.root, 'keydown', (e) => {
      const k = e as KeyboardEvent;
      if (k.key === 'Escape' && !k.defaultPrevented) {
        k.preventDefault();
        this.close();
      }
    });
    // What the sticky top covers is kept clear when focus or a sentence is scrolled into view.
    this.resized = win.ResizeObserver ? new win.ResizeObserver(() => this.scroller.style.setProperty('--top', `${covered()}px`)) : undefined;
    this.resized?.observe(top);

    // The place is kept by hand: the browser's scroll anchoring does not follow a change of the whole text's size.
    const lines = 'h1, h2, h3, h4, h5, h6, p, li, dt, dd, pre, figcaption, img, tr';
    this.keepPlace = (change) => {
      const line = this.scroller.getBoundingClientRect().top + covered();
      const at = this.scroller.scrollTop > 0 ? [...articleEl.querySelectorAll(lines)].find((el) => el.getBoundingClientRect().bottom > line + 1) : undefined;
      if (!at) return change();
      // The same point of the same block (a fraction of its height) goes back to the top line.
      const r = at.getBoundingClientRect();
      const f = Math.min(1, Math.max(0, (line - r.top) / (r.height || 1)));
      change();
      const n = at.getBoundingClientRect();
      this.scroller.scrollTop += n.top + f * n.height - (r.top + f * r.height);
    };

    this.sync = () => {
      const s = this.settings;
      this.scroller.className = `scroller theme t-${s.contrast} w-${s.width} s-${s.spacing}`;
      this.scroller.style.setProperty('--scale', String(s.fontScale));
      size.show(s.fontScale);
      colours.show(s.contrast);
      widths.show(s.width);
      spacing.input.checked = s.spacing === 'wcag';
    };
    this.sync();

    this.unlock = lockPage(doc, this.host);
    try {
      doc.body.append(this.host);
      h1.focus({ preventScroll: true });
    } catch (error) {
      this.close();
      throw error;
    }
  }

  update(partial: Partial<ReaderSettings>): void {
    if (!this.open) return;
    const next = resolveReaderSettings(partial, this.settings);
    if (JSON.stringify(next) === JSON.stringify(this.settings)) return;
    this.keepPlace(() => {
      this.settings = next;
      this.sync();
    });
    try {
      this.options.onChange?.(this.settings);
    } catch (error) {
      console.error('Accessible Reader: onChange failed.', error);
    }
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    open.delete(this.doc);
    this.speaker.dispose();
    this.resized?.disconnect();
    this.host.remove();
    this.unlock();
    const back = this.invoker as HTMLElement | null;
    if (back?.isConnected) back.focus?.({ preventScroll: true });
    this.options.onClose?.(this.settings);
  }
}

/**
 * Shows the article of `doc` alone, in a shadow root over the page: large, calm, in the reader's colours, with
 * the reading tools, read-aloud, and the page's rating and related articles. The page underneath is made
 * `inert`; "Xem trang gốc" / "View original" or Esc gives it back exactly as it was. Returns the open view
 * (the same one when already open), or null when the page has no article. Never throws.
 */
export function openReader(doc: Document, options: ReaderOptions = {}): ReaderView | null {
  try {
    const current = open.get(doc);
    if (current?.open) return current;
    // One voice at a time: reading aloud on the page stops when the view opens.
    readAloudOf(doc)?.close();
    const { article, found, reason } = extractFrom(doc, onRequest(options.extract));
    if (!article) {
      console.warn(`Accessible Reader: no article (${reason}).`);
      return null;
    }
    const view = new View(doc, article, found, options);
    open.set(doc, view);
    return view;
  } catch (error) {
    console.error('Accessible Reader: reader view failed; the page is as it was.', error);
    return null;
  }
}

/** The reader view open on `doc`, if any. */
export const readerOf = (doc: Document): ReaderView | undefined => (open.get(doc)?.open ? open.get(doc) : undefined);
