/**
 * Article extraction with `@mozilla/readability` as its fallback. The one-file bundle imports `./extract.js`
 * instead, without Readability (about 12 KB gzip), and lets a page register it with `useReadability()`.
 */
import { Readability } from '@mozilla/readability';
import { useReadability } from './readability.js';
import type { ReadabilityLike } from './types.js';

useReadability(Readability as unknown as ReadabilityLike);

export { extract, tryExtract } from './extract.js';
export { useReadability } from './readability.js';
export { readingBlocks, type ReadingBlock } from './blocks.js';
export type { ExtractedArticle, ExtractFailure, ExtractOptions, ExtractResult, ReadabilityLike } from './types.js';
