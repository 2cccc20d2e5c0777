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
export { retrofit } from './session.js';
export { DEFAULT_SETTINGS, MAX_SCALE, MIN_SCALE, resolveSettings } from './settings.js';
export { findArticle, ADAPTERS } from './adapters/index.js';
export { LEGIBLE_FONTS } from './transforms/font.js';
export { extract, tryExtract, useReadability, readingBlocks } from './extract/index.js';
export { openReader, readerOf } from './reader/reader.js';
// Read-aloud with its parts the one-file bundle leaves out (Vietnamese for the ear, voice select, keys).
export { readAloud, readAloudOf, configureReadAloud, splitSentences, spoken, prepareVietnamese, pickVoice, rankVoices } from './read-aloud/index.js';
export type { ExtractedArticle, ExtractFailure, ExtractOptions, ExtractResult, ReadabilityLike, ReadingBlock } from './extract/index.js';
export type { LineWidth, ReaderOptions, ReaderSettings, ReaderView } from './reader/reader.js';
export type { ReadAloudOptions, ReadAloudSession, ReadAloudConfig, Speech, SpeechPrefs, SpokenText, VoiceChoice } from './read-aloud/index.js';
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
