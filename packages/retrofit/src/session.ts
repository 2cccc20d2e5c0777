import type { Context, PageChanges, PageContext, Transform } from './context.js';
import { LAYERS } from './context.js';
import { isElement, isOwn, rootOf, windowOf } from './dom.js';
import { InlineStyles } from './inline-styles.js';
import { report } from './report.js';
import { resolveSettings } from './settings.js';
import { EngineSheets } from './styles.js';
import type { Article, Found, RetrofitOptions, RetrofitSession, Settings } from './types.js';

const VI_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

/** The engine's UI language: the page's `lang` when set to vi*, else Vietnamese text wins over a wrong `lang`. */
function uiLanguage(root: Element, title: string): 'vi' | 'en' {
  const lang = root.closest('[lang]')?.getAttribute('lang') ?? '';
  if (/^vi\b/i.test(lang) || !lang) return 'vi';
  return VI_LETTERS.test(title) ? 'vi' : 'en';
}

/**
 * Observer callbacks that may run back to back, with no task of the page's in between, before the session
 * decides it is in a loop with the page (each callback changed something the other side answers) and stops.
 */
const LOOP_LIMIT = 200;

/** The article now on the page and the transforms to run on it (a page that swapped its <body>). */
export type Follower = () => { found: Found; transforms: Array<Transform<PageContext>> } | null;

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
  private sheets: EngineSheets;
  private flags = new Set<string>();
  private watchers = new Set<(c: PageChanges) => void>();
  private observer: MutationObserver | undefined;
  private observing: 'swaps' | 'changes' | undefined;
  private reported = false;
  /** Observer callbacks since the page last ran a task of its own (see LOOP_LIMIT). */
  private burst = 0;
  /** The page took the article away and has none now: settings are kept for its next one. */
  private waiting = false;
  private following = false;
  /** Finds the next article when the page swaps its <body> (set by retrofit()). */
  follower: Follower | undefined;

  constructor(doc: Document, settings: Settings, options: RetrofitOptions, transforms: Array<Transform<PageContext>>) {
    this.settings = settings;
    this.transforms = transforms;
    const win = windowOf(doc);
    this.sheets = new EngineSheets(doc, win);
    const prefix = tagPrefix(options);
    const page: PageContext = {
      doc,
      win,
      prefix,
      lang: uiLanguage(rootOf(doc), ''),
      inline: new InlineStyles(),
      addStyle: (css) => this.sheets.add(css),
      flag: (name, value) => {
        const root = rootOf(doc);
        if (value === null) {
          if (root.hasAttribute(name)) root.removeAttribute(name);
        } else {
          this.flags.add(name);
          // The same value again would still invalidate the page's style in some browsers.
          if (root.getAttribute(name) !== value) root.setAttribute(name, value);
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
    if (options.ui) this.ctx.ui = options.ui;
  }

  start(): void {
    this.active = true;
    this.run(() => {
      this.applyAll();
      // Always watched, even when no transform follows page changes: a page that swaps its <body> (pjax,
      // Turbolinks) takes the article away, and the session moves to the next one.
      this.observe();
    });
  }

  /**
   * Adds what needs the article: `transforms` is the complete list in order, holding the instances already
   * running. They are prepared and applied with the current settings; the others change nothing.
   */
  attach(found: Found, transforms: Array<Transform<PageContext>>, options: RetrofitOptions = {}): void {
    if (!this.active) return;
    this.waiting = false;
    if (options.tagPrefix) this.ctx.prefix = tagPrefix(options);
    if (options.ui) this.ctx.ui = options.ui;
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
    if (this.waiting) return;
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
    if (!this.sheets.size) this.sheets.add(`${LAYERS}@layer ar-ui{[data-ar-hidden]{display:none!important}}`, true);
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
      report('error', 'Accessible Reader: an internal error stopped the reader; the page was put back as it was.', error);
    }
    this.teardown();
  }

  private teardown(): void {
    if (!this.active && !this.applied.length && !this.sheets.size) return;
    this.active = false;
    this.observer?.disconnect();
    this.observer = this.observing = undefined;
    this.unapply();
  }

  /** Takes every change off the page (the article's nodes too, even when the page has detached them). */
  private unapply(): void {
    this.watchers.clear();
    for (const t of this.applied.reverse()) {
      try {
        t.remove();
      } catch (error) {
        // Keep undoing the rest: a hostile page must not keep half of the engine on.
        if (!this.reported) report('error', 'Accessible Reader: could not undo one change.', error);
      }
    }
    this.applied = [];
    try {
      this.ctx.inline.restoreAll();
    } catch (error) {
      if (!this.reported) report('error', 'Accessible Reader: could not restore an inline style.', error);
    }
    this.sheets.removeAll();
    const root = rootOf(this.ctx.doc);
    for (const name of this.flags) root.removeAttribute(name);
    this.flags.clear();
  }

  /**
   * The page took the article away (a pjax or Turbolinks page swapped its <body>, or the container holding
   * it): everything is taken off the old nodes, and the same settings go to the article now on the page, with
   * fresh transforms. With none there, the session waits (still active) for the page's next swap.
   */
  private follow(): void {
    this.unapply();
    this.transforms = [];
    this.article = null;
    const next = this.follower?.();
    if (!next) {
      this.waiting = true;
      // Waiting costs one callback per change of <html>'s children, not one per change anywhere.
      this.observer?.disconnect();
      this.observing = undefined;
      this.observe();
      return;
    }
    this.attach(next.found, next.transforms);
  }

  /**
   * One observer: only the children of <html> (a body swap) until a transform watches the page, then the
   * whole tree's additions and inline styles.
   */
  private observe(): void {
    const want = this.watchers.size ? 'changes' : 'swaps';
    if (this.observing === want || (this.observing === 'changes' && want === 'swaps')) return;
    this.observing = want;
    try {
      this.observer ??= new this.ctx.win.MutationObserver((records) => this.run(() => this.dispatch(records)));
      const root = rootOf(this.ctx.doc);
      if (want === 'changes') this.observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
      else this.observer.observe(root, { childList: true });
    } catch (error) {
      // A page's broken MutationObserver stub: the reader works on the page as it is now.
      this.observer = undefined;
      this.observing = 'changes';
      report('warn', 'Accessible Reader: cannot follow changes on this page.', error);
    }
  }

  private dispatch(records: MutationRecord[]): void {
    if (!this.active) return;
    if (++this.burst === 1) this.ctx.win.setTimeout(() => (this.burst = 0), 0);
    else if (this.burst > LOOP_LIMIT) {
      this.crash(new Error('a change loop with the page'));
      return;
    }
    // The article left the page (only once there was one: a first paint has none yet). Followed in a
    // microtask, never in the middle of a transform's own write (still before the next frame).
    if (this.waiting || (this.article && !this.article.root.isConnected)) {
      if (this.follower && !this.following && records.some((r) => r.type === 'childList')) {
        this.following = true;
        queueMicrotask(() => {
          this.following = false;
          if (this.active && (this.waiting || !this.article?.root.isConnected)) this.run(() => this.follow());
        });
      }
      return;
    }
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

/** The components' tag prefix from the options: `ar` unless a valid one is given (a bad one is reported). */
function tagPrefix(options: RetrofitOptions): string {
  const prefix = options.tagPrefix && /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(options.tagPrefix) ? options.tagPrefix : 'ar';
  if (options.tagPrefix && prefix !== options.tagPrefix) report('warn', `Accessible Reader: invalid tagPrefix "${options.tagPrefix}"; using "ar".`);
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
