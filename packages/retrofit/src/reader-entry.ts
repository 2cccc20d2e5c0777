/**
 * The reader part of the engine on its own: extraction (with Mozilla Readability as its fallback), the reader
 * view and read-aloud. The extension's reader script is built from here; it brings no components of its own
 * (it uses those of the engine already on the page).
 */
export { extract } from './extract/index.js';
export { openReader, readerOf } from './reader/reader.js';
// Read-aloud with Vietnamese prepared for the ear, the voice select and the keys.
export { readAloud, configureReadAloud, type SpeechPrefs } from './read-aloud/index.js';
export { handOver } from './chunk/handoff.js';
