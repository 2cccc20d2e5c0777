import type { InlineStyles } from './inline-styles.js';
import type { EngineStyle } from './styles.js';
import type { Article, LegacyWidgets, Settings, UiOptions } from './types.js';

/** What the page did since the last report: elements it added, elements whose inline style it changed. */
export interface PageChanges {
  added: Element[];
  restyled: Element[];
}

/**
 * What a page-wide transform may use (text size, spacing, colours, font): it needs no article, so it can run
 * before the article is found, from the first paint.
 */
export interface PageContext {
  doc: Document;
  win: Window & typeof globalThis;
  /** Tag prefix of the components (`ar` gives `<ar-rating>`). */
  prefix: string;
  /** Language of the engine's own UI: Vietnamese unless the page is in another language. */
  lang: 'vi' | 'en';
  /**
   * Adds one of the engine's sheets after the page's (and the engine's earlier ones). A constructed sheet
   * where the browser can adopt one, so that `style-src` policies do not block it: hold it as an
   * `EngineStyle` (`sheet`, `textContent`, `remove()`), not as an HTMLStyleElement.
   */
  addStyle(css: string): EngineStyle;
  /** Inline !important declarations taken off elements, restored exactly by undo. */
  inline: InlineStyles;
  /** Sets (or, with null, removes) a `data-ar-*` flag attribute on <html>. */
  flag(name: string, value: string | null): void;
  /** Calls `fn` with what the page changes later, batched per microtask. Returns the unsubscribe function. */
  watch(fn: (changes: PageChanges) => void): () => void;
  /** Runs the engine's own DOM writes so that they are not reported as page changes. */
  quietly<T>(fn: () => T): T;
  /** Runs `fn` when the browser is idle (errors roll the session back). Returns the cancel function. */
  whenIdle(fn: () => void): () => void;
  /** Changes settings like the reader does (the toolbar). */
  update(partial: Partial<Settings>): void;
  /** Reports an error caught in a callback (observer, event listener): the session rolls back. */
  fail(error: unknown): void;
}

/** Everything a transform about the article (its widgets, columns, toolbar) may use. One per session. */
export interface Context extends PageContext {
  article: Article;
  widgets: LegacyWidgets;
  /** How the engine's UI on the page behaves, and what the embedder adds to it. */
  ui?: UiOptions;
}

/**
 * A reversible change to the page. On start and on every update, `prepare` runs for every transform, then
 * `apply` for every transform, with the full settings: all reads of computed style and layout happen before
 * any write, so one update never forces the browser to recalculate styles halfway.
 */
export interface Transform<C extends PageContext = Context> {
  /** Reads what `apply` will need (computed styles, boxes). Must not change the page. */
  prepare?(ctx: C, settings: Readonly<Settings>): void;
  apply(ctx: C, settings: Readonly<Settings>): void;
  /** Removes everything this transform added. Called once, also after a failed apply. */
  remove(): void;
}

/** CSS cascade layers of the engine, declared first so that their !important rules beat the page's. */
export type { EngineStyle };

export const LAYERS = '@layer ar-spacing, ar-scale, ar-theme, ar-ink, ar-font, ar-ui;';
