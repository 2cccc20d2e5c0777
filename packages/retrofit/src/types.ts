/** Public and internal types of the engine. Public ones are re-exported from index.ts. */
import type { FirstPaint } from './first-paint.js';

export type Contrast = 'off' | 'high' | 'dark' | 'yellow';
export type Spacing = 'off' | 'wcag';
export type Font = 'page' | 'legible';

/** What the reader changes on a page. */
export interface Settings {
  /** Text size as a multiple of the page's own computed sizes: 1 (page as is) to 3. */
  fontScale: number;
  /** Colour theme with at least 7:1 text contrast, or `off` for the page's colours. */
  contrast: Contrast;
  /** `wcag`: WCAG 1.4.12 text spacing (line height 1.5, paragraphs 2em apart, letters 0.12em, words 0.16em). */
  spacing: Spacing;
  /** `legible`: a local sans-serif with full Vietnamese coverage instead of the page's fonts. */
  font: Font;
  /** Visitor counters, side lists, share bars and banners step aside. */
  hideClutter: boolean;
  /** Shows the reader toolbar on the page. */
  toolbar: boolean;
  /**
   * Text smaller than this many CSS px (at 100 %) is raised to it before the scale applies; larger text keeps
   * its size. 0: off. The extension sets 20 on government sites, so that an article is readable untouched.
   */
  minFontSize: number;
  /**
   * Text whose contrast with its background is below this ratio is darkened (or lightened) just enough to
   * reach it, keeping its hue; other colours stay the site's. 0: off. Ignored while a theme is on.
   */
  minContrast: number;
}

/** The article the engine found. */
export interface Article {
  title: string;
  /** ISO 8601 date, with the time when the page gives it: `2024-10-16` or `2024-10-16T09:12`. */
  published?: string;
  /** The author as the page names it ("Mai Phương"). */
  byline?: string;
  /** The element around the whole article: title, body, byline (and, on some platforms, its own tools). */
  root: Element;
  /** The element holding the article text, inside `root`. */
  body: Element;
  /** Which adapter found it: `vhv`, `nukeviet`, `sharepoint` or `generic`. */
  platform: string;
}

/** The site's own star rating, and how to vote through it. */
export interface LegacyRating {
  /** The box the site's rating lives in; hidden while the engine is active. */
  container: Element;
  /** The site's radios (or plugin stars), value 1..n in order. */
  radios: Element[];
  /** Current summary as the site shows it, when readable. */
  average?: number;
  count?: number;
  /**
   * Votes through the site's own mechanism (clicks its radio, so its handler sends the vote) and resolves
   * with the summary the site shows afterwards, when it shows one.
   */
  submit(value: number): Promise<{ average: number; count: number } | void>;
}

/** The site's own reading tools and the page parts around the article. */
export interface LegacyWidgets {
  fontControls: Element[];
  contrastControls: Element[];
  rating?: LegacyRating;
  /** An empty "Bài viết liên quan" box. */
  related?: Element;
  /** Heading text of that box. */
  relatedHeading?: string;
  clutter: Element[];
  /** Parts that must stay visible whatever the clutter rules say (non-empty related lists, byline). */
  keep: Element[];
}

export interface Found {
  article: Article;
  widgets: LegacyWidgets;
}

/** A site adapter: recognises a platform and finds its article and widgets. */
export interface Adapter {
  name: string;
  detect(doc: Document): boolean;
  /** The article and widgets, or null when this page has none this adapter understands. */
  find(doc: Document): Found | null;
}

/** What an embedder (the extension) adds to the toolbar. */
export interface ToolbarActions {
  /** Shows "only this site": whether this site keeps settings of its own, and how to change that. */
  scope?: { siteOnly(): boolean; change(siteOnly: boolean): void };
  /** Shows "turn off on this site". */
  turnOff?: () => void;
  /** The toolbar starts folded to its name; `onCollapse` hears the reader fold or unfold it. */
  collapsed?: boolean;
  onCollapse?: (collapsed: boolean) => void;
}

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

/**
 * How the toolbar's "Chế độ đọc" opens the reader view in an embedder that remembers the view's own settings
 * (the extension keeps them on the computer): the engine never reads storage itself.
 */
export interface ReaderHooks {
  /** The settings the view opens with; when absent (or it returns undefined), the page's size, colours and spacing. */
  settings?: () => Partial<ReaderSettings> | undefined;
  /** Hears every change of the view's settings, to remember them. */
  onChange?: (settings: Readonly<ReaderSettings>) => void;
}

/** How the engine's UI on the page behaves. */
export interface UiOptions {
  /**
   * The toolbar lives in a closed shadow root and acts on the reader's own input only (trusted events): a
   * page script can neither read it nor drive the reader's settings through it. The extension sets this.
   */
  guard?: boolean;
  toolbar?: ToolbarActions;
  /** The reader view as the toolbar opens it. */
  reader?: ReaderHooks;
}

/** Options that are about the embedding, not the reader. */
export interface RetrofitOptions {
  /** Tag prefix of the components the engine inserts (`<ar-rating>`…). Default `ar`. */
  tagPrefix?: string;
  /** Replaces the adapter registry (tests, or an embedder with its own site fixes). Generic is always last. */
  adapters?: Adapter[];
  /** A first paint on the same document (firstPaint()) to take over instead of styling the page again. */
  from?: FirstPaint;
  /** The engine's UI on the page: guarded (the extension), with the embedder's toolbar actions. */
  ui?: UiOptions;
}

/** What the engine gives back. */
export interface RetrofitSession {
  /** The article, or null when none was found (then the page is left untouched). */
  readonly article: Article | null;
  /** Current settings. */
  readonly settings: Readonly<Settings>;
  /** Whether the engine is applied to the page (false after undo or after an internal error). */
  readonly active: boolean;
  /** Changes any setting live; invalid values are ignored with one warning. */
  update(partial: Partial<Settings>): void;
  /** Puts the page back exactly as it was. Safe to call twice. */
  undo(): void;
}
