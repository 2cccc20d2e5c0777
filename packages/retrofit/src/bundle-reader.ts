/**
 * The reader script (`dist/accessible-reader-reader.js`), loaded by the one-file bundle the first time the
 * reader asks for the reader view or read-aloud: extraction, the reader view and read-aloud. It hands them to
 * the bundle and defines nothing else on the page.
 */
import { extract } from './extract/extract.js';
import { readAloud } from './read-aloud/page.js';
import { openReader } from './reader/reader.js';
import { READER_KEY, slots, type ReaderChunk } from './chunk/handoff.js';

const chunk: ReaderChunk = { openReader, readAloud, extract };
const waiting = slots[READER_KEY];
if (typeof waiting === 'function') waiting(chunk);
else slots[READER_KEY] = chunk;
