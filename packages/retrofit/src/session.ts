import { findArticle, ADAPTERS } from './adapters/index.js';
import type { Context, PageChanges, Transform } from './context.js';
import { LAYERS } from './context.js';
import { OWN, isElement, isOwn, windowOf } from './dom.js';
import { inArticleFrame } from './frames.js';
import { InlineStyles } from './inline-styles.js';
import { resolveSettings } from './settings.js';
import { clutter } from './transforms/clutter.js';
import { contrast } from './transforms/contrast.js';
import { font } from './transforms/font.js';
import { fontScale } from './transforms/font-scale.js';
import { legacyWidgets } from './transforms/legacy-widgets.js';
import { reflow } from './transforms/reflow.js';
import { spacing } from './transforms/spacing.js';
import { toolbar } from './transforms/toolbar.js';
import type { Article, Found, RetrofitOptions, RetrofitSession, Settings } from './types.js';

const VI_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

/** The engine's UI language: the page's `lang` when set to vi*, else Vietnamese text wins over a wrong `lang`. */
function uiLanguage(article: Article): 'vi' | 'en' {
  const lang = article.root.closest('[lang]')?.getAttribute('lang') ?? '';
  if (/^vi\b/i.test(lang) || !lang) return 'vi';
  return VI_LETTERS.test(article.title) ? 'vi' : 'en';
}

class Session implements RetrofitSession {
  article: Article | null;
  settings: Readonly<Settings>;
  active = false;

  private readonly ctx: Context;
  private readonly transforms: Transform[];
  private applied: Transform[] = [];
  private styles: HTMLStyleElement[] = [];
  private flags = new Set<string>();
  private watchers = new Set<(c: PageChanges) => void>();
  private observer: MutationObserver | undefined;
  private reported = false;

  constructor(doc: Document, found: Found, settings: Settings, options: RetrofitOptions) {
    this.article = found.article;
    this.settings = settings;
    const win = windowOf(doc);
    const prefix = options.tagPrefix && /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(options.tagPrefix) ? options.tagPrefix : 'ar';
    if (options.tagPrefix && prefix !== options.tagPrefix) console.warn(`Accessible Reader: invalid tagPrefix "${options.tagPrefix}"; using "ar".`);
    this.transforms = [legacyWidgets(), fontScale(), spacing(), reflow(), contrast(), font(), clutter(), toolbar()];
    this.ctx = {
      doc,
      win,
      article: found.article,
      widgets: found.widgets,
      prefix,
      lang: uiLanguage(found.article),
      inline: new InlineStyles(),
      addStyle: (css) => this.addStyle(css),
      flag: (name, value) => {
        if (value === null) doc.documentElement.removeAttribute(name);
        else {
          this.flags.add(name);
          doc.documentElement.setAttribute(name, value);
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
  }

  start(): void {
    this.active = true;
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

/** A session that does nothing: no article was found, or the page could not be worked on. */
function inertSession(settings: Settings): RetrofitSession {
  return {
    article: null,
    settings,
    active: false,
    update() {},
    undo() {},
  };
}

/**
 * Finds the article on `doc` and makes the page readable with `settings`. Never throws: when no article is
 * found the page is left untouched (and `article` is null); when anything fails inside the engine the error
 * is reported once with console.error and the page is put back as it was.
 */
export function retrofit(doc: Document, settings?: Partial<Settings>, options: RetrofitOptions = {}): RetrofitSession {
  const initial = resolveSettings(settings);
  let found: Found | null = null;
  try {
    if (!doc || !doc.documentElement) throw new Error('no document');
    // Another session (this engine or another copy: the extension and a site's bundle) owns the page: two
    // would measure each other's sizes. The other one must be undone first.
    if (doc.querySelector(`[${OWN}]`)) {
      console.warn('Accessible Reader: already active on this page; undo the other session first.');
      return inertSession(initial);
    }
    found = findArticle(doc, options.adapters ?? ADAPTERS);
    const framed = inArticleFrame(doc, found, (d) => findArticle(d, options.adapters ?? ADAPTERS), (d) => retrofit(d, settings, options));
    if (framed) return framed;
  } catch (error) {
    console.error('Accessible Reader: could not read this page; it was left as it was.', error);
    return inertSession(initial);
  }
  if (!found) return inertSession(initial);
  let session: Session;
  try {
    session = new Session(doc, found, initial, options);
  } catch (error) {
    console.error('Accessible Reader: could not start on this page; it was left as it was.', error);
    return inertSession(initial);
  }
  session.start();
  return session;
}
