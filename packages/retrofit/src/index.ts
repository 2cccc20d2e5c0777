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
import { components, define } from '@accessible-reader/components';
import { provideComponents } from './components-source.js';
import { provideReaderFeatures } from './features.js';
import { readAloud } from './read-aloud/index.js';
import { openReader, readerOf } from './reader/reader.js';

litLoaded();
// The components and the toolbar's "Chế độ đọc" and "Đọc to": bundled with this entry, so ready at once.
provideComponents({ components, define });
provideReaderFeatures(() => ({ openReader, readerOf, readAloud }));

export * from './core.js';
export { extract, tryExtract, useReadability, readingBlocks } from './extract/index.js';
export { openReader, readerOf } from './reader/reader.js';
// Read-aloud with Vietnamese prepared for the ear, the voice select and the keys.
export { readAloud, readAloudOf, configureReadAloud, splitSentences, spoken, prepareVietnamese, pickVoice, rankVoices } from './read-aloud/index.js';
export type { ExtractedArticle, ExtractFailure, ExtractOptions, ExtractResult, ReadabilityLike, ReadingBlock } from './extract/index.js';
export type { LineWidth, ReaderOptions, ReaderSettings, ReaderView } from './reader/reader.js';
export type { ReadAloudOptions, ReadAloudSession, ReadAloudConfig, Speech, SpeechPrefs, SpokenText, VoiceChoice } from './read-aloud/index.js';
