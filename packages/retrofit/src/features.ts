/**
 * The reader view and read-aloud as the on-page toolbar reaches them. The npm entry (and the extension) hand
 * them over at once; the one-file bundle loads them on first use from a second script beside it, so that the
 * bundle that every page loads stays small.
 */
import type { openReader, readerOf } from './reader/reader.js';
import type { readAloud } from './read-aloud/page.js';

export interface ReaderFeatures {
  openReader: typeof openReader;
  readerOf: typeof readerOf;
  readAloud: typeof readAloud;
}

type Provider = () => ReaderFeatures | Promise<ReaderFeatures>;
let provider: Provider | undefined;

/** Sets where the reader features come from (the package entry and the bundle each set one). */
export function provideReaderFeatures(p: Provider): void {
  provider = p;
}

/**
 * The reader features: at once when they are loaded, as a promise while they load, null when this build has
 * none (the reason is logged once).
 */
export function readerFeatures(): ReaderFeatures | Promise<ReaderFeatures | null> | null {
  if (!provider) return null;
  const fail = (error: unknown) => {
    console.warn('Accessible Reader: the reader view and read-aloud could not be loaded.', error);
    return null;
  };
  try {
    const got = provider();
    return 'then' in got ? got.then((f) => f, fail) : got;
  } catch (error) {
    return fail(error);
  }
}

/** Runs `fn` with the reader features as soon as they are there (now, or when loaded). */
export function withReaderFeatures(fn: (f: ReaderFeatures) => void): void {
  const got = readerFeatures();
  if (!got) return;
  if ('then' in got) void got.then((f) => f && fn(f));
  else fn(got);
}
