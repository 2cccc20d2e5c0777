/**
 * The one-file bundle's side of the reading chunk: loads `accessible-reader-reading.js` from the bundle's own
 * folder (never from anywhere else) as soon as the bundle runs, and stands in for the reader view and
 * read-aloud until it is there. Used only by the bundle (scripts/build.mjs puts these functions where the
 * engine imports reader/reader.js and read-aloud/page.js); the npm entry has the real modules.
 */
import { components, define } from '@accessible-reader/components';
import { candidate, extractFrom, pageBlocks } from '../extract/extract.js';
import type { ReadAloudOptions, ReadAloudSession } from '../read-aloud/page.js';
import type { ReaderOptions, ReaderView } from '../reader/reader.js';
import { chunks, READING_CHUNK, type Reading } from './shared.js';

chunks().extract = { extractFrom, pageBlocks, candidate };
chunks().components = { components, define };

let loading: Promise<Reading | undefined> | undefined;

/**
 * Loads the reading chunk beside `script` (the bundle's own <script>, read while the bundle runs) unless the
 * page has it already. A dynamic import, not a new <script> element: pages that enforce Trusted Types allow it
 * (script-src still applies: the chunk comes from where the bundle came from). Resolves with the chunk's
 * functions, or undefined when it cannot be had.
 */
export function loadReading(script?: HTMLOrSVGScriptElement | null): Promise<Reading | undefined> {
  if (chunks().reading || loading) return loading ?? Promise.resolve(chunks().reading);
  const base = script && 'src' in script && typeof script.src === 'string' ? script.src : '';
  if (!/^https?:/i.test(base)) return Promise.resolve(undefined);
  loading = import(/* @vite-ignore */ new URL(READING_CHUNK, base).href).then(
    () => chunks().reading,
    () => undefined,
  );
  return loading;
}

/**
 * Runs `fn` with the chunk's functions: now when they are loaded, else as soon as they are (the reader view and
 * the player take focus themselves when they open), returning `undefined` meanwhile.
 */
function withReading<T>(fn: (r: Reading) => T): T | undefined {
  const reading = chunks().reading;
  if (reading) return fn(reading);
  void loadReading().then((r) => r && fn(r));
  return undefined;
}

export const openReader = (doc: Document, options?: ReaderOptions): ReaderView | null | undefined =>
  withReading((r) => r.openReader(doc, options));
export const readerOf = (doc: Document): ReaderView | undefined => chunks().reading?.readerOf(doc);
export const readAloud = (doc: Document, options?: ReadAloudOptions): ReadAloudSession | null | undefined =>
  withReading((r) => r.readAloud(doc, options));
export const readAloudOf = (doc: Document): ReadAloudSession | undefined => chunks().reading?.readAloudOf(doc);
