/**
 * What an embedder adds to read-aloud on a document, once: more speech engines (the extension's built-in voice)
 * and where the reader's voice and speed are remembered. The reader view and the page's read-aloud bar both
 * read it, however they were opened (the engine's toolbar, the extension's popup, a portal's script).
 */
import type { Speech } from './voices.js';

/** The reader's choices, remembered across pages. */
export interface SpeechPrefs {
  /** Id of the chosen voice (see VoiceChoice.id). */
  voice?: string;
  /** Reading speed, 0.5 to 2. */
  rate?: number;
}

export interface ReadAloudConfig {
  /** Engines after the browser's own, such as a built-in voice for computers that have none. */
  speech?: readonly Speech[];
  /** The remembered choices, read when a session starts. */
  prefs?: () => SpeechPrefs | undefined;
  /** Called when the reader chooses a voice or a speed. */
  savePrefs?: (prefs: SpeechPrefs) => void;
}

const configs = new WeakMap<Document, ReadAloudConfig>();

/** Sets what read-aloud sessions on `doc` use from now on (see ReadAloudConfig). */
export function configureReadAloud(doc: Document, config: ReadAloudConfig): void {
  configs.set(doc, config);
}

/** The configuration of `doc` (empty when none was set). */
export const readAloudConfig = (doc: Document): ReadAloudConfig => configs.get(doc) ?? {};
