/**
 * Voices for the read-aloud stories: a speechSynthesis stand-in that never makes a sound (Storybook and its
 * tests run without one), with the voices a story needs, and voices that fail, for the error state.
 */
export interface StoryVoice {
  name: string;
  lang: string;
  default: boolean;
  localService: boolean;
  voiceURI: string;
}

export const voice = (name: string, lang = 'vi-VN'): StoryVoice => ({ name, lang, default: false, localService: true, voiceURI: name });

class SilentUtterance {
  lang = '';
  voice: StoryVoice | null = null;
  rate = 1;
  onstart: ((e: unknown) => void) | null = null;
  onend: ((e: unknown) => void) | null = null;
  onerror: ((e: { error: string }) => void) | null = null;
  onboundary: ((e: unknown) => void) | null = null;
  constructor(public text: string) {}
}

/**
 * A voice engine for stories. `failing`: every voice reports this error instead of speaking. Its errors come in a
 * microtask, after `speak()` or `cancel()` returns as a real engine's would: a story that waits for every voice to
 * have failed then waits for no timer, which a loaded machine can hold back past `waitFor`'s one second (in CI
 * the error story once saw the second voice still "Reading.").
 */
export function storySpeech(voices: StoryVoice[], { failing, fallback }: { failing?: string; fallback?: boolean } = {}) {
  let current: SilentUtterance | null = null;
  const synth = {
    getVoices: () => voices,
    speak(u: SilentUtterance) {
      current = u;
      if (failing) queueMicrotask(() => u.onerror?.({ error: failing }));
    },
    cancel() {
      const u = current;
      current = null;
      if (u) queueMicrotask(() => u.onerror?.({ error: 'interrupted' }));
    },
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
  };
  return { synth: synth as unknown as SpeechSynthesis, Utterance: SilentUtterance as unknown as typeof SpeechSynthesisUtterance, ...(fallback ? { fallback } : {}) };
}
