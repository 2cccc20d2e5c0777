/**
 * The reading chunk (`dist/accessible-reader-reading.js`): the reader view, read-aloud and Mozilla
 * Readability (extraction's fallback), kept out of the one-file bundle so that it stays within its 40 KB
 * budget, and loaded by the bundle from beside itself when it starts. Its `extract/extract.js` imports are
 * the bundle's own module (see scripts/build.mjs), so both give the same answers as the npm entry.
 */
import { Readability } from '@mozilla/readability';
import { readabilityFallback } from '../extract/readability.js';
import type { ReadabilityLike } from '../extract/types.js';
import { readAloud, readAloudOf } from '../read-aloud/page.js';
import { openReader, readerOf } from '../reader/reader.js';
import { chunks } from './shared.js';

const shared = chunks();
shared.fallback = readabilityFallback(Readability as unknown as ReadabilityLike);
shared.reading = { openReader, readerOf, readAloud, readAloudOf };
