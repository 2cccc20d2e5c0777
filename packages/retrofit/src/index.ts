/**
 * @accessible-reader/retrofit — finds the article on a news page and makes it readable: text that really
 * enlarges and reflows, strong contrast themes, WCAG text spacing, a legible font, clutter aside, the site's
 * own widgets taken over, and an exact undo.
 *
 * ```ts
 * const session = retrofit(document, { fontScale: 2, contrast: 'high' });
 * session.update({ hideClutter: true });
 * session.undo();
 * ```
 */
// First, before Lit: a Trusted Types allowlist without Lit's policy must not stop the importer at load.
import { litLoaded } from './lit-policy.js';
export { retrofit } from './session.js';
export { DEFAULT_SETTINGS, MAX_SCALE, MIN_SCALE, resolveSettings } from './settings.js';
export { findArticle, ADAPTERS } from './adapters/index.js';
export { LEGIBLE_FONTS } from './transforms/font.js';
export { extract, tryExtract, useReadability, readingBlocks } from './extract/index.js';
export { openReader, readerOf } from './reader/reader.js';
export { readAloud, readAloudOf } from './read-aloud/page.js';
export { splitSentences } from './read-aloud/sentences.js';
export { pickVoice } from './read-aloud/voices.js';
export type { ExtractedArticle, ExtractFailure, ExtractOptions, ExtractResult, ReadabilityLike, ReadingBlock } from './extract/index.js';
export type { LineWidth, ReaderOptions, ReaderSettings, ReaderView } from './reader/reader.js';
export type { ReadAloudOptions, ReadAloudSession } from './read-aloud/page.js';
export type { Speech } from './read-aloud/voices.js';
export type {
  Adapter,
  Article,
  Contrast,
  Font,
  Found,
  LegacyRating,
  LegacyWidgets,
  RetrofitOptions,
  RetrofitSession,
  Settings,
  Spacing,
} from './types.js';

litLoaded();
