import { OWN } from '../dom.js';
import { readingBlocks, type ReadingBlock } from '../extract/blocks.js';
import { extractFrom } from '../extract/extract.js';
import type { ExtractedArticle, ExtractOptions } from '../extract/types.js';
import { readAloudOf } from '../read-aloud/page.js';
import { buildPlayer } from '../read-aloud/player.js';
import { createSpeaker, reveal, type Speaker } from '../read-aloud/speaker.js';
import type { Speech } from '../read-aloud/voices.js';
import type { Contrast, Spacing } from '../types.js';
import { h, iconButton } from '../ui/h.js';
import { languages } from './lang.js';
import { lockPage } from './page-lock.js';
import { READER_CSS } from './reader.styles.js';
import { readerStrings } from './reader.strings.js';
import { componentsIn, ratingFor, relatedFor } from './widgets.js';

export type LineWidth = 'narrow' | 'medium' | 'wide';

/** How the reader view shows the article. */
export interface ReaderSettings {
  /** Text size, 1 (20 px) to 3. */
  fontScale: number;
  /** `off` is the view's own black on cream; the others are the engine's themes, each at least 7:1. */
  contrast: Contrast;
  spacing: Spacing;
  width: LineWidth;
}

export interface ReaderOptions {
  /** Tag prefix of the components in the view (`ar-rating`…). Default `ar`. */
  tagPrefix?: string;
  /** Language of the view's controls; default from the page (Vietnamese unless it is in another language). */
  lang?: 'vi' | 'en';
  /** Initial settings (for instance the engine's, so the view matches the page the reader set up). */
  settings?: Partial<ReaderSettings>;
  /** Where focus goes back when the view closes; default the element that had focus when it opened. */
  invoker?: Element | null;
  extract?: ExtractOptions;
  /** Speech synthesis for read-aloud; default the window's. */
  speech?: Speech;
  /** Called after the view closed and the page is back as it was. */
  onClose?: (settings: Readonly<ReaderSettings>) => void;
}

export interface ReaderView {
  readonly article: ExtractedArticle;
  readonly settings: Readonly<ReaderSettings>;
  /** The view's shadow root (open, for tests and embedders' styles). */
  readonly root: ShadowRoot;
  readonly open: boolean;
  update(partial: Partial<ReaderSettings>): void;
  /** Closes the view: the page is exactly as before (DOM, scroll position), focus back where it was. */
  close(): void;
}

const CONTRASTS: readonly Contrast[] = ['off', 'high', 'dark', 'yellow'];
const WIDTHS: readonly LineWidth[] = ['narrow', 'medium', 'wide'];
const DEFAULTS: ReaderSettings = { fontScale: 1, contrast: 'off', spacing: 'off', width: 'medium' };
const HOST_STYLE =
  'position:fixed!important;inset:0!important;z-index:2147483647!important;display:block!important;margin:0!important;' +
  'width:auto!important;height:auto!important;transform:none!important;opacity:1!important;visibility:visible!important';

const open = new WeakMap<Document, View>();

/** Valid settings from anything: bad fields keep `base` (the reader view never throws on input). */
function merge(base: ReaderSettings, p: Partial<ReaderSettings> | undefined): ReaderSettings {
  const out = { ...base };
  if (!p || typeof p !== 'object') return out;
  if (typeof p.fontScale === 'number' && Number.isFinite(p.fontScale)) out.fontScale = Math.round(Math.min(3, Math.max(1, p.fontScale)) * 100) / 100;
  if (CONTRASTS.includes(p.contrast!)) out.contrast = p.contrast!;
  if (p.spacing === 'off' || p.spacing === 'wcag') out.spacing = p.spacing;
  if (WIDTHS.includes(p.width!)) out.width = p.width!;
  return out;
}

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

  constructor(
    private readonly doc: Document,
    readonly article: ExtractedArticle,
    found: ReturnType<typeof extractFrom>['found'],
    private readonly options: ReaderOptions,
  ) {
    const win = doc.defaultView!;
    this.settings = merge(DEFAULTS, options.settings);
    this.invoker = options.invoker ?? deepActive(doc);
    const prefix = options.tagPrefix && /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(options.tagPrefix) ? options.tagPrefix : 'ar';
    const { ui, text: textLang } = languages(doc, article.title, options.lang, article);
    const t = readerStrings[ui];
    const make = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text = '') => h(doc, tag, attrs, text);

    this.host = make('div', { [OWN]: '', 'data-ar-reader': '', lang: ui, style: HOST_STYLE });
    // The font-size component resizes a target in the document; this one is never shown (no slot).
    this.host.append(make('span', { 'data-ar-sink': '' }));
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = make('style', {}, READER_CSS);
    this.scroller = make('div', { class: 'scroller' });
    const withComponents = componentsIn(win, prefix);

    // Tools: back to the page, size, colours, spacing, line width.
    const tools = make('section', { class: 'tools', 'aria-label': t.tools });
    const backButton = () => iconButton(doc, 'back', t.back, () => this.close(), { class: 'back' });
    const size = make('div', { class: 'group' });
    const pct = make('span', { class: 'pct', 'aria-hidden': 'true' });
    // Without the components (a page that took their tag names) the view keeps its other tools.
    let setSize = (_percent: number) => {};
    if (withComponents) {
      const control = make(`${prefix}-font-size` as 'div', { min: '100', max: '300', step: '25', lang: ui, target: '[data-ar-reader] > [data-ar-sink]' }) as unknown as HTMLElement & { value: number };
      control.addEventListener('change', () => this.update({ fontScale: control.value / 100 }));
      size.append(control);
      setSize = (p) => (control.value = p);
    }
    size.append(pct);
    const radios = <V extends string>(legend: string, name: string, values: readonly V[], label: (v: V) => string, pick: (v: V) => void) => {
      const fieldset = make('fieldset');
      fieldset.append(make('legend', {}, legend));
      const inputs = values.map((v) => {
        const l = make('label', { class: 'choice' });
        const input = make('input', { type: 'radio', name, value: v });
        input.addEventListener('change', () => input.checked && pick(v));
        l.append(input, doc.createTextNode(label(v)));
        fieldset.append(l);
        return input;
      });
      return { fieldset, inputs };
    };
    const colours = radios(t.colours, 'contrast', CONTRASTS, (v) => t[v], (contrast) => this.update({ contrast }));
    const widths = radios(t.width, 'width', WIDTHS, (v) => t[v], (width) => this.update({ width }));
    const spacing = make('button', { type: 'button', 'aria-pressed': 'false' }, t.spacing);
    spacing.addEventListener('click', () => this.update({ spacing: this.settings.spacing === 'wcag' ? 'off' : 'wcag' }));
    tools.append(backButton(), size, colours.fieldset, spacing, widths.fieldset);

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
    let refresh = () => {};
    // The sentence is kept clear of the sticky player bar.
    this.speaker = createSpeaker(win, { blocks, lang: textLang || ui, ...(options.speech ? { speech: options.speech } : {}), onChange: () => refresh() }, (range) =>
      reveal(range, this.scroller, this.scroller.querySelector<HTMLElement>('.player')?.offsetHeight),
    );
    const player = buildPlayer(doc, ui, this.speaker, textLang || ui);
    refresh = player.update;
    // Clicking a paragraph (not a link, not selecting text) chooses where reading starts or goes on:
    // the play button then reads "Đọc từ đây" / "Read from here".
    articleEl.addEventListener('click', (e) => {
      const target = e.target as Element;
      if (target.closest('a, button') || String(win.getSelection() ?? '')) return;
      let index = -1;
      blocks.forEach((b, i) => b.el.contains(target) && (index = i));
      if (index >= 0) this.speaker.moveTo(index);
    });

    this.scroller.append(tools, player.el, main);
    this.root.append(style, this.scroller);
    this.root.addEventListener('keydown', (e) => {
      const k = e as KeyboardEvent;
      if (k.key === 'Escape' && !k.defaultPrevented) {
        k.preventDefault();
        this.close();
      }
    });

    this.sync = () => {
      const s = this.settings;
      this.scroller.className = `scroller theme t-${s.contrast} w-${s.width} s-${s.spacing}`;
      this.scroller.style.setProperty('--scale', String(s.fontScale));
      const percent = Math.round(s.fontScale * 100);
      setSize(percent);
      pct.textContent = `${percent}%`;
      for (const r of colours.inputs) r.checked = r.value === s.contrast;
      for (const r of widths.inputs) r.checked = r.value === s.width;
      spacing.setAttribute('aria-pressed', String(s.spacing === 'wcag'));
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
    this.settings = merge(this.settings, partial);
    this.sync();
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    open.delete(this.doc);
    this.speaker.dispose();
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
    const { article, found, reason } = extractFrom(doc, options.extract);
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
