/**
 * Article extraction with `@mozilla/readability` as its fallback: the package entry and the one-file bundle's
 * reader script (`bundle-reader.ts`) both use it, so they answer alike.
 */
import { Readability } from '@mozilla/readability';
import { useReadability } from './readability.js';
import type { ReadabilityLike } from './types.js';

useReadability(Readability as unknown as ReadabilityLike);

export { extract, tryExtract } from './extract.js';
export { useReadability } from './readability.js';
export { readingBlocks, type ReadingBlock } from './blocks.js';
export type { ExtractedArticle, ExtractFailure, ExtractOptions, ExtractResult, ReadabilityLike } from './types.js';
