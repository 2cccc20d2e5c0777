import { findArticle, ADAPTERS } from './adapters/index.js';
import type { Context, PageChanges, Transform } from './context.js';
import { LAYERS } from './context.js';
import { OWN, isElement, isOwn, query, rootOf, windowOf } from './dom.js';
import { InlineStyles } from './inline-styles.js';
import { EngineSheets } from './styles.js';
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
import { report } from './report.js';

const VI_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

/** The engine's UI language: the page's `lang` when set to vi*, else Vietnamese text wins over a wrong `lang`. */
function uiLanguage(article: Article): 'vi' | 'en' {
  const lang = article.root.closest('[lang]')?.getAttribute('lang') ?? '';
  if (/^vi\b/i.test(lang) || !lang) return 'vi';
  return VI_LETTERS.test(article.title) ? 'vi' : 'en';
}

/**
 * Observer callbacks that may run back to back, with no task of the page's in between, before the session
 * decides it is in a loop with the page (each callback changed something the other side answers) and stops.
 */
const LOOP_LIMIT = 200;

class Session implements RetrofitSession {
  article: Article | null;
  settings: Readonly<Settings>;
  active = false;

  private ctx: Context;
  private transforms: Transform[];
  private applied: Transform[] = [];
  private sheets: EngineSheets;
  private flags = new Set<string>();
  private watchers = new Set<(c: PageChanges) => void>();
  private observer: MutationObserver | undefined;
  private observing: 'swaps' | 'changes' | undefined;
  private reported = false;
  /** Observer callbacks since the page last ran a task of its own (see LOOP_LIMIT). */
  private burst = 0;
  private readonly doc: Document;
  private readonly win: Window & typeof globalThis;
  private readonly prefix: string;

  constructor(
    doc: Document,
    found: Found,
    settings: Settings,
    private readonly options: RetrofitOptions,
  ) {
    this.article = found.article;
    this.settings = settings;
    this.doc = doc;
    this.win = windowOf(doc);
    const prefix = options.tagPrefix && /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(options.tagPrefix) ? options.tagPrefix : 'ar';
    if (options.tagPrefix && prefix !== options.tagPrefix) report('warn', `Accessible Reader: invalid tagPrefix "${options.tagPrefix}"; using "ar".`);
    this.prefix = prefix;
    this.sheets = new EngineSheets(doc, this.win);
    this.transforms = this.freshTransforms();
    this.ctx = this.context(found);
  }

  private freshTransforms(): Transform[] {
    return [legacyWidgets(), fontScale(), spacing(), reflow(), contrast(), font(), clutter(), toolbar()];
  }

  private context(found: Found): Context {
    const { doc, win, prefix } = this;
    return {
      doc,
      win,
      article: found.article,
      widgets: found.widgets,
      prefix,
      lang: uiLanguage(found.article),
      inline: new InlineStyles(),
      addStyle: (css) => this.sheets.add(css),
      flag: (name, value) => {
        if (value === null) rootOf(doc).removeAttribute(name);
        else {
          this.flags.add(name);
          rootOf(doc).setAttribute(name, value);
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
    this.run(() => {
      this.applyAll();
      // Always watched, even when no transform follows page changes: a page that swaps its <body> (pjax,
      // Turbolinks) takes the article away, and the session moves to the next one.
      this.observe();
    });
  }

  update(partial: Partial<Settings>): void {
    if (!this.active) return;
    this.settings = resolveSettings(partial, this.settings);
    // Between articles (the page swapped its body for one without an article): kept for the next one.
    if (!this.article) return;
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
    const root = rootOf(this.doc);
    for (const name of this.flags) root.removeAttribute(name);
    this.flags.clear();
  }

  /**
   * The page took the article away (a pjax or Turbolinks page swapped its <body>, or the container holding
   * it): everything is taken off the old nodes, and the same settings go to the article now on the page. With
   * none there, the session waits (still active) for the page's next swap.
   */
  private follow(): void {
    this.unapply();
    this.article = null;
    const found = findArticle(this.doc, this.options.adapters ?? ADAPTERS);
    if (!found) {
      // Waiting costs one callback per change of <html>'s children, not one per change anywhere.
      this.observer?.disconnect();
      this.observing = undefined;
      this.observe();
      return;
    }
    this.article = found.article;
    this.transforms = this.freshTransforms();
    this.ctx = this.context(found);
    this.applyAll();
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
      this.observer ??= new this.win.MutationObserver((records) => this.run(() => this.dispatch(records)));
      const root = rootOf(this.doc);
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
    if (++this.burst === 1) this.win.setTimeout(() => (this.burst = 0), 0);
    else if (this.burst > LOOP_LIMIT) {
      this.crash(new Error('a change loop with the page'));
      return;
    }
    if (!this.article?.root.isConnected) {
      if (records.some((r) => r.type === 'childList')) this.follow();
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
    if (!doc || !rootOf(doc)) throw new Error('no document');
    // Another session (this engine or another copy: the extension and a site's bundle) owns the page: two
    // would measure each other's sizes. The other one must be undone first.
    if (query(doc, `[${OWN}]`)) {
      report('warn', 'Accessible Reader: already active on this page; undo the other session first.');
      return inertSession(initial);
    }
    found = findArticle(doc, options.adapters ?? ADAPTERS);
  } catch (error) {
    report('error', 'Accessible Reader: could not read this page; it was left as it was.', error);
    return inertSession(initial);
  }
  if (!found) return inertSession(initial);
  let session: Session;
  try {
    session = new Session(doc, found, initial, options);
  } catch (error) {
    report('error', 'Accessible Reader: could not start on this page; it was left as it was.', error);
    return inertSession(initial);
  }
  session.start();
  return session;
}
