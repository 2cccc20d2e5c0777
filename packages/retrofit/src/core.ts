/**
 * The engine without the reader view, read-aloud and extraction: what a page needs at load. The extension's
 * content script and the one-file bundle start from here and load the reader part on first use; the package
 * entry (index.ts) adds it at once.
 */
export { retrofit } from './retrofit.js';
export { firstPaint, type FirstPaint } from './first-paint.js';
export { DEFAULT_SETTINGS, MAX_SCALE, MIN_SCALE, resolveSettings } from './settings.js';
export { findArticle, ADAPTERS } from './adapters/index.js';
export { LEGIBLE_FONTS } from './transforms/font.js';
export { provideComponents, type ComponentSource } from './components-source.js';
export { provideReaderFeatures, readerFeatures, type ReaderFeatures } from './features.js';
export type { Adapter, Article, Contrast, Font, Found, LegacyRating, LegacyWidgets, LineWidth, ReaderHooks, ReaderSettings, RetrofitOptions, RetrofitSession, Settings, Spacing, ToolbarActions, UiOptions } from './types.js';
export { awaitReader, type ReaderChunk } from './chunk/handoff.js';
export { READER_DEFAULTS, resolveReaderSettings } from './reader/reader-settings.js';
