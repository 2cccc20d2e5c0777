/**
 * The reader script: extraction (with Readability), the reader view and read-aloud. Injected by the background
 * into a tab the first time the reader asks for them there (lib/reader-loader.ts), so that the content script
 * every government page loads stays small. It runs in the content script's isolated world and uses the
 * components the content script defined.
 */
import { extract, handOver, openReader, readAloud, readerOf } from '@accessible-reader/retrofit/reader-entry.js';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installSpeech } from '../lib/speech';

export default defineUnlistedScript(() => {
  // The built-in voice and the reader's voice and speed, before any read-aloud starts.
  installSpeech(document);
  handOver({ extract, openReader, readAloud, readerOf });
});
