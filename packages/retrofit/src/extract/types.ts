/** Types of article extraction. Public ones are re-exported from the package index. */

/** The article as plain, safe data: what the reader view shows and read-aloud reads. */
export interface ExtractedArticle {
  title: string;
  /** ISO 8601 date, with the time when the page gives it (`2024-10-16T09:12`). */
  published?: string;
  /** The author as the page names it ("Mai Phương"), without "Tin, ảnh:". */
  byline?: string;
  /** Where the news comes from, when the page says ("Nguồn tin: Đảng ủy phường" gives "Đảng ủy phường"). */
  source?: string;
  /** The lead paragraph (sapo) as plain text, '' when the page has none. */
  lead: string;
  /**
   * The body as a detached `<article>` built by cloning only allowed elements and attributes: paragraphs,
   * headings (h2-h6), lists, tables, figures, images (http(s) only, with alt), links (http(s) only). No script,
   * no style, no event handler, no class or id. Without the title, lead, byline, menus, counters, rating or
   * related lists.
   */
  content: Element;
  /** Lead and body as plain text in reading order, one block per line: what read-aloud reads. */
  text: string;
  /** Which adapter found the article (`vhv`, `nukeviet`, `sharepoint`, `generic`), or `readability`. */
  platform: string;
}

/** Why extraction found nothing. */
export type ExtractFailure = 'no-document' | 'no-article' | 'too-large' | 'timeout' | 'error';

export interface ExtractResult {
  article: ExtractedArticle | null;
  /** Set when `article` is null. */
  reason?: ExtractFailure;
  /** Set when the article was cut short by the time limit or the element cap: it is what was read so far. */
  truncated?: 'timeout' | 'too-large';
}

/** The part of `@mozilla/readability`'s class that extraction uses (any compatible implementation works). */
export interface ReadabilityLike {
  new (doc: Document, options?: { maxElemsToParse?: number; charThreshold?: number; serializer?: (node: Node) => unknown }): {
    parse(): null | { title?: string | null; content?: unknown; byline?: string | null; publishedTime?: string | null; excerpt?: string | null };
  };
}

export interface ExtractOptions {
  /** Milliseconds of work allowed, checked between steps (default 200). Past it, what was found is returned. */
  timeLimit?: number;
  /** Most elements walked (default 20,000): bigger pages are read up to there. */
  maxElements?: number;
  /** Replaces the platform adapters (the generic one is always tried last). */
  adapters?: readonly import('../types.js').Adapter[];
  /**
   * Readability used when the adapters find nothing or something that looks wrong. Default: the one given to
   * `useReadability()` (the package entry registers `@mozilla/readability`); `null` turns the fallback off.
   */
  readability?: ReadabilityLike | null;
}
