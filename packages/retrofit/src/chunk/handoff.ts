/**
 * How an engine already on the page and the reader script loaded later find each other: a key on the global
 * object that no page markup can clobber (a symbol, not a name). The script calls the waiting callback with
 * its features, or leaves them there when it came first.
 */
import type { ReaderFeatures } from '../features.js';
import type { extract } from '../extract/extract.js';

export const READER_KEY = Symbol.for('accessible-reader.reader');

export interface ReaderChunk extends ReaderFeatures {
  extract: typeof extract;
}

type Slot = ((chunk: ReaderChunk) => void) | ReaderChunk | undefined;
const slot = globalThis as typeof globalThis & { [READER_KEY]?: Slot };

/** Called by the reader script: hands its features over. */
export function handOver(chunk: ReaderChunk): void {
  const waiting = slot[READER_KEY];
  // Kept in the slot either way: the next call finds the features there instead of loading the script again.
  slot[READER_KEY] = chunk;
  if (typeof waiting === 'function') waiting(chunk);
}

/**
 * Called by the engine: the reader features when the script is there, else `start()` is called to load it and
 * the promise resolves when it hands them over (or rejects with start's error).
 */
export function awaitReader(start: () => void): Promise<ReaderChunk> {
  return new Promise<ReaderChunk>((resolve, reject) => {
    const ready = slot[READER_KEY];
    if (ready && typeof ready === 'object') return resolve(ready);
    slot[READER_KEY] = resolve;
    try {
      start();
    } catch (error) {
      reject(error);
    }
  });
}
