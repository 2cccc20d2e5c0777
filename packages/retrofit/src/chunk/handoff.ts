/**
 * How the one-file bundle and its reader script find each other: two keys on the global object that no page
 * markup can clobber (symbols, not names), one for the components the bundle defined, one for the reader.
 */
import type { extract } from '../extract/extract.js';
import type { ReaderFeatures } from '../features.js';

export const COMPONENTS_KEY = Symbol.for('accessible-reader.components');
export const READER_KEY = Symbol.for('accessible-reader.reader');
/** The reader script's file name, next to the bundle. */
export const READER_FILE = 'accessible-reader-reader.js';

export interface ReaderChunk extends ReaderFeatures {
  extract: typeof extract;
}

/** What sits under READER_KEY: the bundle's waiting callback, or the chunk's features when it came first. */
export type ReaderSlot = ((chunk: ReaderChunk) => void) | ReaderChunk | undefined;

export const slots = globalThis as typeof globalThis & { [COMPONENTS_KEY]?: unknown; [READER_KEY]?: ReaderSlot };
