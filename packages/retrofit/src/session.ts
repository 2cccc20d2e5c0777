import type { Context, PageChanges, PageContext, Transform } from './context.js';
import { LAYERS } from './context.js';
import { OWN, isElement, isOwn, windowOf } from './dom.js';
import { InlineStyles } from './inline-styles.js';
import { resolveSettings } from './settings.js';
import type { Article, Found, RetrofitOptions, RetrofitSession, Settings } from './types.js';

const VI_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

/** The engine's UI language: the page's `lang` when set to vi*, else Vietnamese text wins over a wrong `lang`. */
function uiLanguage(root: Element, title: string): 'vi' | 'en' {
  const lang = root.closest('[lang]')?.getAttribute('lang') ?? '';
  if (/^vi\b/i.test(lang) || !lang) return 'vi';
  return VI_LETTERS.test(title) ? 'vi' : 'en';
}

/**
 * The engine on one document: a list of reversible transforms run with the current settings, the style
 * elements and flags they added, and one MutationObserver shared by the transforms that follow the page.
 *
 * A session can start page-wide, before the article is known (text size, colours, spacing: the first paint),
 * and take the article's transforms on later (`attach`): the transforms already running keep their state,
 * their stylesheets and their tags, so the page is not restyled twice.
 */
export class Session implements RetrofitSession {
  article: Article | null = null;
  settings: Readonly<Settings>;
  active = false;

  private readonly ctx: Context;
  private transforms: Array<Transform<PageContext>>;
  private applied: Array<Transform<PageContext>> = [];
  private styles: HTMLStyleElement[] = [];
  private flags = new Set<string>();
  private watchers = new Set<(c: PageChanges) => void>();
  private observer: MutationObserver | undefined;
  private reported = false;

  constructor(doc: Document, settings: Settings, options: RetrofitOptions, transforms: Array<Transform<PageContext>>) {
    this.settings = settings;
    this.transforms = transforms;
    const win = windowOf(doc);
    const prefix = tagPrefix(options);
    const page: PageContext = {
      doc,
      win,
      prefix,
      lang: uiLanguage(doc.documentElement, ''),
      inline: new InlineStyles(),
      addStyle: (css) => this.addStyle(css),
      flag: (name, value) => {
        if (value === null) {
          if (doc.documentElement.hasAttribute(name)) doc.documentElement.removeAttribute(name);
        } else {
          this.flags.add(name);
          // The same value again would still invalidate the page's style in some browsers.
          if (doc.documentElement.getAttribute(name) !== value) doc.documentElement.setAttribute(name, value);
        }
      },
      watch: (fn) => {
        this.watchers.add(fn);
        this.observe();
        return () => this.watchers.delete(fn);
      },
      quietly: (fn) => {
        const pending = this.observer?.takeRecords() ?? [];
        try {
          return fn();
        } finally {
          this.observer?.takeRecords();
          if (pending.length) this.dispatch(pending);
        }
      },
      whenIdle: (fn) => {
        const run = () => {
          if (this.active) this.run(fn);
        };
        const w = win as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };
        if (w.requestIdleCallback && w.cancelIdleCallback) {
          const id = w.requestIdleCallback(run, { timeout: 1000 });
          return () => w.cancelIdleCallback!(id);
        }
        const id = win.setTimeout(run, 50);
        return () => win.clearTimeout(id);
      },
      update: (partial) => this.update(partial),
      fail: (error) => this.crash(error),
    };
    // Article and widgets arrive with `attach`; page-wide transforms never read them.
    this.ctx = page as Context;
  }

  start(): void {
    this.active = true;
    this.run(() => this.applyAll());
  }

  /**
   * Adds what needs the article: `transforms` is the complete list in order, holding the instances already
   * running. They are prepared and applied with the current settings; the others change nothing.
   */
  attach(found: Found, transforms: Array<Transform<PageContext>>, options: RetrofitOptions = {}): void {
    if (!this.active) return;
    if (options.tagPrefix) this.ctx.prefix = tagPrefix(options);
    this.article = found.article;
    this.ctx.article = found.article;
    this.ctx.widgets = found.widgets;
    this.ctx.lang = uiLanguage(found.article.root, found.article.title);
    this.transforms = transforms;
    this.run(() => this.applyAll());
  }

  update(partial: Partial<Settings>): void {
    if (!this.active) return;
    this.settings = resolveSettings(partial, this.settings);
    this.run(() => this.applyAll());
  }

  undo(): void {
    this.teardown();
  }

  /** Whether `doc` is this session's document and the session is on. */
  owns(doc: Document): boolean {
    return this.active && this.ctx.doc === doc;
  }

  private applyAll(): void {
    for (const t of this.transforms) {
      if (!this.applied.includes(t)) this.applied.push(t);
      t.prepare?.(this.ctx, this.settings);
    }
    // The base sheet (layer order, hidden widgets) is written after the first reads, like every other write.
    if (!this.styles.length) this.addStyle(`${LAYERS}@layer ar-ui{[data-ar-hidden]{display:none!important}}`);
    for (const t of this.transforms) t.apply(this.ctx, this.settings);
  }

  private run(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.crash(error);
    }
  }

  private crash(error: unknown): void {
    if (!this.reported) {
      this.reported = true;
      console.error('Accessible Reader: an internal error stopped the reader; the page was put back as it was.', error);
    }
    this.teardown();
  }

  private teardown(): void {
    if (!this.active && !this.applied.length && !this.styles.length) return;
    this.active = false;
    this.observer?.disconnect();
    this.observer = undefined;
    this.watchers.clear();
    for (const t of this.applied.reverse()) {
      try {
        t.remove();
      } catch (error) {
        // Keep undoing the rest: a hostile page must not keep half of the engine on.
        if (!this.reported) console.error('Accessible Reader: could not undo one change.', error);
      }
    }
    this.applied = [];
    try {
      this.ctx.inline.restoreAll();
    } catch (error) {
      if (!this.reported) console.error('Accessible Reader: could not restore an inline style.', error);
    }
    for (const s of this.styles) s.remove();
    this.styles = [];
    const root = this.ctx.doc.documentElement;
    for (const name of this.flags) root.removeAttribute(name);
    this.flags.clear();
  }

  private addStyle(css: string): HTMLStyleElement {
    const doc = this.ctx.doc;
    const style = doc.createElementNS('http://www.w3.org/1999/xhtml', 'style') as HTMLStyleElement;
    style.setAttribute(OWN, '');
    style.textContent = css;
    // Sheets go last in the document: a sheet appended after all others costs the browser an incremental
    // style update, one inserted before the page's sheets makes it rebuild every rule and lay the whole page
    // out again (with cascade layers in it: 150 ms on a 10,000-element page, measured in tests/bench). Only
    // the first sheet, which declares the layer order, must come first when the page has layers of its own.
    if (this.styles[0]?.isConnected || !mayHaveLayers(doc)) doc.documentElement.append(style);
    else {
      const head = doc.head ?? doc.documentElement;
      head.insertBefore(style, head.firstChild);
    }
    this.styles.push(style);
    return style;
  }

  private observe(): void {
    if (this.observer) return;
    const { win, doc } = this.ctx;
    this.observer = new win.MutationObserver((records) => this.run(() => this.dispatch(records)));
    this.observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
  }

  private dispatch(records: MutationRecord[]): void {
    if (!this.active) return;
    const added = new Set<Element>();
    const restyled = new Set<Element>();
    for (const r of records) {
      if (r.type === 'childList') {
        for (const n of r.addedNodes) if (isElement(n) && n.isConnected && !isOwn(n)) added.add(n);
      } else if (isElement(r.target) && r.target.isConnected && !isOwn(r.target)) restyled.add(r.target);
    }
    if (!added.size && !restyled.size) return;
    const changes = { added: [...added], restyled: [...restyled] };
    for (const fn of this.watchers) fn(changes);
  }
}

/**
 * Whether the page's CSS declares cascade layers, or cannot be read (cross-origin) and so might: the
 * engine's layers must then be declared before them, for its !important rules to win.
 */
function mayHaveLayers(doc: Document): boolean {
  const inSheet = (sheet: CSSStyleSheet | null | undefined): boolean => {
    try {
      return !!sheet && inRules(sheet.cssRules);
    } catch {
      return true;
    }
  };
  // Layer rules, layered @import, and inside @media/@supports/@import (not inside style rules).
  const inRules = (rules: CSSRuleList): boolean =>
    [...rules].some((r) => {
      const g = r as CSSImportRule & CSSGroupingRule & CSSStyleRule;
      return /Layer/.test(Object.prototype.toString.call(r)) || g.layerName != null || inSheet(g.styleSheet) || (!g.selectorText && !!g.cssRules && inRules(g.cssRules));
    });
  return [...doc.styleSheets].some(inSheet);
}

/** The components' tag prefix from the options: `ar` unless a valid one is given (a bad one is reported). */
function tagPrefix(options: RetrofitOptions): string {
  const prefix = options.tagPrefix && /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(options.tagPrefix) ? options.tagPrefix : 'ar';
  if (options.tagPrefix && prefix !== options.tagPrefix) console.warn(`Accessible Reader: invalid tagPrefix "${options.tagPrefix}"; using "ar".`);
  return prefix;
}

/** A session that does nothing: no article was found, or the page could not be worked on. */
export function inertSession(settings: Settings): RetrofitSession {
  return {
    article: null,
    settings,
    active: false,
    update() {},
    undo() {},
  };
}
