
/**
 * Speech engines and their voices: which voices can read a language, best first, so that read-aloud starts
 * with the most natural voice on the computer and falls to the next one when a voice fails.
 */

/** A speech engine: the browser's speechSynthesis, or a stand-in with the same shape (the extension's own voice, tests). */
export interface Speech {
  synth: SpeechSynthesis;
  Utterance: typeof SpeechSynthesisUtterance;
  /** A last resort: its voices come after every voice of the system (the extension's built-in voice). */
  fallback?: boolean;
  /** Called when reading is about to start: an engine that loads itself (the built-in voice) starts now. */
  prepare?(): void;
}

/** A voice that can read the text, and the engine it belongs to. */
export interface VoiceChoice {
  /** Stable id to remember the reader's choice: the voice's URI, or its name. */
  id: string;
  voice: SpeechSynthesisVoice;
  speech: Speech;
  /** 0 natural (neural, online), 1 standard, 2 eSpeak, 3 an engine's fallback voice. */
  tier: 0 | 1 | 2 | 3;
}

/** The window's speech synthesis, or undefined when the browser has none. */
export function speechOf(win: Window): Speech | undefined {
  const w = win as Window & { SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance };
  return w.speechSynthesis && w.SpeechSynthesisUtterance ? { synth: w.speechSynthesis, Utterance: w.SpeechSynthesisUtterance } : undefined;
}

const prefix = (lang: string) => lang.toLowerCase().split(/[-_]/)[0] ?? '';

/** Edge's "Online (Natural)", Apple's "Premium" and "Enhanced", Google's own voices (Android, ChromeOS). */
const NATURAL = /\b(?:natural|neural|online|premium|enhanced|wavenet)\b|^google\b/i;
const ESPEAK = /espeak|mbrola/i;
/** speech-dispatcher lists every eSpeak voice again with each of its variants ("Vietnamese+Alex espeak-ng"). */
const VARIANT = /\+/;

// The one-file bundle ranks by default and offline only: its budget has no room for the names.
const tierOf = (v: SpeechSynthesisVoice, s: Speech): VoiceChoice['tier'] => (s.fallback ? 3 : ESPEAK.test(v.name) ? 2 : NATURAL.test(v.name) ? 0 : 1);

/**
 * The voices of `engines` that read `lang` (by language prefix: `vi` matches `vi-VN`, `vi_VN`,
 * `vi-VN-x-central`), best first: natural voices, then standard local ones ("Microsoft An", "Linh"), then
 * eSpeak, then the engines' fallback voices. Within a tier: the system's default, then voices that work
 * offline. eSpeak's variants are left out when their plain voice is there.
 */
export function rankVoices(engines: ReadonlyArray<{ speech: Speech; voices: readonly SpeechSynthesisVoice[] }>, lang: string): VoiceChoice[] {
  const want = prefix(lang);
  const out: VoiceChoice[] = [];
  for (const { speech, voices } of engines) {
    const plain = voices.some((v) => prefix(v.lang) === want && !VARIANT.test(v.name));
    for (const voice of voices) {
      if (prefix(voice.lang) !== want || (plain && VARIANT.test(voice.name))) continue;
      out.push({ id: voice.voiceURI || voice.name, voice, speech, tier: tierOf(voice, speech) });
    }
  }
  const score = (c: VoiceChoice) => (c.voice.default ? 0 : 2) + (c.voice.localService ? 0 : 1);
  // Sorting is stable: equal voices keep the system's order.
  return out.sort((a, b) => a.tier - b.tier || score(a) - score(b));
}

/** The best voice for `lang` among `voices` (see rankVoices). */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | undefined {
  return rankVoices([{ speech: {} as Speech, voices }], lang)[0]?.voice;
}

/** The voices, once the browser has loaded them (Chrome loads them after the first call), within `ms`. */
export function loadVoices(synth: SpeechSynthesis, ms = 1500): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      synth.removeEventListener?.('voiceschanged', done);
      resolve(synth.getVoices());
    };
    const timer = setTimeout(done, ms);
    synth.addEventListener?.('voiceschanged', done);
  });
}
