/** The speech synthesis a read-aloud session uses: the window's, or a stand-in (tests, other engines). */
export interface Speech {
  synth: SpeechSynthesis;
  Utterance: typeof SpeechSynthesisUtterance;
}

/** The window's speech synthesis, or undefined when the browser has none. */
export function speechOf(win: Window): Speech | undefined {
  const w = win as Window & { SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance };
  return w.speechSynthesis && w.SpeechSynthesisUtterance ? { synth: w.speechSynthesis, Utterance: w.SpeechSynthesisUtterance } : undefined;
}

const prefix = (lang: string) => lang.toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * A voice for `lang`, chosen by its language prefix (`vi` matches `vi-VN`, `vi_VN`): the system's default
 * among them, else one that works offline (network voices stop mid-article when the connection drops), else
 * any of them.
 */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | undefined {
  const want = prefix(lang);
  const ok = voices.filter((v) => prefix(v.lang) === want);
  return ok.find((v) => v.default) ?? ok.find((v) => v.localService) ?? ok[0];
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
