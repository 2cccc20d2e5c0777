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

/** A voice engine for stories. `failing`: every voice reports this error instead of speaking. */
export function storySpeech(voices: StoryVoice[], { failing, fallback }: { failing?: string; fallback?: boolean } = {}) {
  let current: SilentUtterance | null = null;
  const synth = {
    getVoices: () => voices,
    speak(u: SilentUtterance) {
      current = u;
      if (failing) setTimeout(() => u.onerror?.({ error: failing }), 0);
    },
    cancel() {
      const u = current;
      current = null;
      if (u) setTimeout(() => u.onerror?.({ error: 'interrupted' }), 0);
    },
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
  };
  return { synth: synth as unknown as SpeechSynthesis, Utterance: SilentUtterance as unknown as typeof SpeechSynthesisUtterance, ...(fallback ? { fallback } : {}) };
}
