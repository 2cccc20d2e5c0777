/**
 * The reader script of the one-file bundle (`dist/accessible-reader-reader.js`), loaded by the bundle the first
 * time the reader asks for the reader view or read-aloud: extraction, the reader view and read-aloud. It hands
 * them to the bundle and defines nothing else on the page.
 */
import { handOver } from './chunk/handoff.js';
// With Mozilla Readability as extraction's fallback, as the package entry: the bundle answers as the npm entry does.
import { extract } from './extract/index.js';
import { readAloud } from './read-aloud/index.js';
import { openReader, readerOf } from './reader/reader.js';

handOver({ openReader, readerOf, readAloud, extract });
