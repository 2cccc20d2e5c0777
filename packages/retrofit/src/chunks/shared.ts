/**
 * What the one-file bundle and the reading chunk beside it share at run time: the bundle's extraction and
 * components (one module instance each: an article extracted by one is traced back to the page by the other,
 * and a custom element has one class), and what the chunk brings back (the reader view, read-aloud, and
 * extraction's fallback on Readability).
 */
import type { ReadAloudOptions, ReadAloudSession } from '../read-aloud/page.js';
import type { ReaderOptions, ReaderView } from '../reader/reader.js';
import type * as Components from '@accessible-reader/components';
import type { candidate, extractFrom, Fallback, pageBlocks } from '../extract/extract.js';

export interface Reading {
  openReader(doc: Document, options?: ReaderOptions): ReaderView | null;
  readerOf(doc: Document): ReaderView | undefined;
  readAloud(doc: Document, options?: ReadAloudOptions): ReadAloudSession | null;
  readAloudOf(doc: Document): ReadAloudSession | undefined;
}

export interface Chunks {
  /** Set by the bundle: its extraction, for the chunk's modules that import `extract/extract.js`. */
  extract?: { extractFrom: typeof extractFrom; pageBlocks: typeof pageBlocks; candidate: typeof candidate };
  /** Set by the bundle: its components (the chunk checks the page's elements against these very classes). */
  components?: Pick<typeof Components, 'components' | 'define'>;
  /** Set by the chunk. */
  reading?: Reading;
  fallback?: Fallback;
}

/** The meeting point, a global: the bundle and its chunk are two classic scripts. */
export const chunks = (): Chunks => ((globalThis as typeof globalThis & { AccessibleReaderChunks?: Chunks }).AccessibleReaderChunks ??= {});

/** File name of the reading chunk, next to the bundle's. */
export const READING_CHUNK = 'accessible-reader-reading.js';
