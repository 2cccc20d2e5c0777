/**
 * Read-aloud as the extension adds it to a page: the built-in Vietnamese voice for computers that have none, and
 * the reader's voice and speed, remembered. Called once by the reader script (entrypoints/reader.ts), before any
 * read-aloud starts.
 */
import { configureReadAloud, type SpeechPrefs } from '@accessible-reader/retrofit/reader-entry.js';
import { builtInSpeech } from './builtin-voice/client';
import { getSpeechPrefs, setSpeechPrefs, watchSpeechPrefs } from './speech-prefs';

export function installSpeech(doc: Document): void {
  // Chrome loads the computer's voices on the first call: by the time the reader presses "Đọc to" they are known.
  doc.defaultView?.speechSynthesis?.getVoices();
  let prefs: SpeechPrefs = {};
  void getSpeechPrefs().then((p) => (prefs = p));
  watchSpeechPrefs((p) => (prefs = p));
  const ui = /^vi\b/i.test(doc.documentElement.lang) || !doc.documentElement.lang ? 'vi' : 'en';
  configureReadAloud(doc, {
    speech: [builtInSpeech(ui)],
    prefs: () => prefs,
    savePrefs: (p) => {
      prefs = p;
      void setSpeechPrefs(p).catch((error: unknown) => console.warn('Accessible Reader: could not remember the voice and speed.', error));
    },
  });
}
