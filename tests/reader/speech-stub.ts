/**
 * A stand-in for the Web Speech API that records what would be said, so read-aloud can be tested without a
 * voice: utterances in order with their lang, voice and rate; cancel; and `finish()` to end the current one
 * as a real voice would.
 */
export class StubUtterance {
  lang = '';
  voice: StubVoice | null = null;
  rate = 1;
  onend: ((e: unknown) => void) | null = null;
  onerror: ((e: { error: string }) => void) | null = null;
  onstart: ((e: unknown) => void) | null = null;
  onboundary: ((e: { name: string; charIndex: number; charLength: number }) => void) | null = null;
  constructor(public text: string) {}
}

export interface StubVoice {
  name: string;
  lang: string;
  default: boolean;
  localService: boolean;
  voiceURI: string;
}

export const VOICES: StubVoice[] = [
  { name: 'Google US English', lang: 'en-US', default: true, localService: false, voiceURI: 'en-net' },
  { name: 'Microsoft An', lang: 'vi-VN', default: false, localService: true, voiceURI: 'vi-local' },
  { name: 'Google Tiếng Việt', lang: 'vi-VN', default: false, localService: false, voiceURI: 'vi-net' },
];

export class StubSynth {
  spoken: StubUtterance[] = [];
  current: StubUtterance | null = null;
  cancels = 0;
  /** Voices (by voiceURI) that report this error instead of speaking. */
  failing = new Map<string, string>();
  /** Voices (by voiceURI) that report the start of speech, as real voices do. */
  starting = new Set<string>();
  constructor(public voices: StubVoice[] = VOICES) {}
  getVoices() {
    return this.voices;
  }
  speak(u: StubUtterance) {
    this.spoken.push(u);
    this.current = u;
    const error = u.voice && this.failing.get(u.voice.voiceURI);
    if (error) {
      this.current = null;
      setTimeout(() => u.onerror?.({ error }), 0);
    } else if (u.voice && this.starting.has(u.voice.voiceURI)) setTimeout(() => this.current === u && u.onstart?.({}), 0);
  }
  /** The voice says the word at `charIndex` of the current utterance. */
  boundary(charIndex: number, charLength: number) {
    this.current?.onboundary?.({ name: 'word', charIndex, charLength });
  }
  cancel() {
    this.cancels++;
    const u = this.current;
    this.current = null;
    u?.onerror?.({ error: 'interrupted' });
  }
  pause() {}
  resume() {}
  addEventListener() {}
  removeEventListener() {}
  /** The voice reaches the end of the current utterance. */
  finish() {
    const u = this.current;
    this.current = null;
    u?.onend?.({});
  }
  get texts() {
    return this.spoken.map((u) => u.text);
  }
}

/** The `speech` option of the reader view and read-aloud, with the stub. */
export const stubSpeech = (synth = new StubSynth()) => ({ synth: synth as unknown as SpeechSynthesis, Utterance: StubUtterance as unknown as typeof SpeechSynthesisUtterance });
