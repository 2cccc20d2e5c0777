/**
 * The built-in voice as the engine sees it: a Speech (speechSynthesis-like) whose voices are eSpeak NG's
 * Vietnamese ones, spoken by the extension's host over a runtime port. The engine treats it like any other
 * engine, after the computer's own voices (`fallback`), so it reads only where the computer has no voice for
 * the text, or when the reader chooses it.
 */
import type { Speech } from '@accessible-reader/retrofit';
import { browser, type Browser } from 'wxt/browser';
import { VOICE_HOST_MESSAGE, VOICE_PORT, VOICES, type FromHost, type ToHost } from './protocol';

type Handler<E> = ((e: E) => void) | null;

/** Performance mark set when the built-in voice is first heard on a page. */
export const FIRST_SOUND = 'accessible-reader:builtin-voice-first-sound';

class BuiltInUtterance {
  lang = 'vi-VN';
  voice: SpeechSynthesisVoice | null = null;
  rate = 1;
  pitch = 1;
  volume = 1;
  onstart: Handler<unknown> = null;
  onend: Handler<unknown> = null;
  onerror: Handler<{ error: string }> = null;
  onboundary: Handler<{ name: string; charIndex: number; charLength: number }> = null;
  onpause: Handler<unknown> = null;
  onresume: Handler<unknown> = null;
  onmark: Handler<unknown> = null;
  constructor(public text = '') {}
}

/** The built-in voice's synthesizer: one utterance at a time (the engine never queues). */
class BuiltInSynth {
  speaking = false;
  pending = false;
  paused = false;
  onvoiceschanged = null;
  private port: Browser.runtime.Port | undefined;
  private connecting: Promise<Browser.runtime.Port> | undefined;
  private current: { id: number; u: BuiltInUtterance } | undefined;
  private ids = 0;
  private warmed = false;
  private readonly voices: SpeechSynthesisVoice[];

  constructor(ui: 'vi' | 'en') {
    this.voices = VOICES.map((v) => ({ name: v[ui], lang: v.lang, voiceURI: `accessible-reader:espeak-ng:${v.id}`, localService: true, default: false }) as SpeechSynthesisVoice);
  }

  getVoices(): SpeechSynthesisVoice[] {
    return this.voices;
  }

  speak(u: BuiltInUtterance): void {
    this.cancel();
    const id = ++this.ids;
    this.current = { id, u };
    this.speaking = true;
    const voice = VOICES.find((v) => u.voice?.voiceURI.endsWith(`:${v.id}`))?.id ?? 'vi';
    void this.send({ type: 'speak', id, text: u.text, rate: u.rate, voice }).catch((error: unknown) => {
      console.warn('Accessible Reader: the built-in voice is not available.', error);
      this.finish(id, (x) => x.onerror?.({ error: 'synthesis-unavailable' }));
    });
  }

  cancel(): void {
    const was = this.current;
    this.current = undefined;
    this.speaking = this.paused = false;
    if (!was) return;
    void this.send({ type: 'cancel' }).catch(() => undefined);
    // As speechSynthesis does: the cancelled utterance reports "interrupted".
    setTimeout(() => was.u.onerror?.({ error: 'interrupted' }), 0);
  }

  pause(): void {
    this.paused = true;
    void this.send({ type: 'pause' }).catch(() => undefined);
  }

  resume(): void {
    this.paused = false;
    void this.send({ type: 'resume' }).catch(() => undefined);
  }

  /**
   * Loads eSpeak in the host ahead of the first sentence, where the computer has no Vietnamese voice (then this
   * one will read): it loads while the engine still waits for the computer's list. Once per page.
   */
  warm(): void {
    if (this.warmed || globalThis.speechSynthesis?.getVoices().some((v) => /^vi\b/i.test(v.lang))) return;
    this.warmed = true;
    void this.send({ type: 'warm' }).catch(() => undefined);
  }

  addEventListener(): void {}
  removeEventListener(): void {}
  dispatchEvent(): boolean {
    return true;
  }

  private finish(id: number, call: (u: BuiltInUtterance) => void): void {
    const c = this.current;
    if (c?.id !== id) return;
    this.current = undefined;
    this.speaking = false;
    call(c.u);
  }

  private receive = (m: FromHost) => {
    const c = this.current;
    if (!c || c.id !== m.id) return;
    if (m.type === 'start') {
      // For `npm run bench` (time to first sound), as the early stylesheet marks its own work.
      if (!performance.getEntriesByName(FIRST_SOUND).length) performance.mark(FIRST_SOUND);
      c.u.onstart?.({});
    }
    else if (m.type === 'boundary') c.u.onboundary?.({ name: 'word', charIndex: m.charIndex, charLength: m.charLength });
    else if (m.type === 'end') this.finish(m.id, (u) => u.onend?.({}));
    else this.finish(m.id, (u) => u.onerror?.({ error: m.error }));
  };

  private async send(m: ToHost): Promise<void> {
    const port = this.port ?? (await (this.connecting ??= this.connect()));
    port.postMessage(m);
  }

  /** Asks the background for the host (Chrome opens the offscreen document), then connects to it. */
  private async connect(): Promise<Browser.runtime.Port> {
    try {
      await browser.runtime.sendMessage({ type: VOICE_HOST_MESSAGE });
      const port = browser.runtime.connect({ name: VOICE_PORT });
      port.onMessage.addListener(this.receive);
      port.onDisconnect.addListener(() => {
        // Chrome closes an offscreen document that has been silent for a while: the next sentence reconnects.
        this.port = this.connecting = undefined;
        const c = this.current;
        if (c) this.finish(c.id, (u) => u.onerror?.({ error: 'synthesis-failed' }));
      });
      this.port = port;
      return port;
    } finally {
      this.connecting = undefined;
    }
  }
}

/** The built-in Vietnamese voice as a Speech for the engine, named in the page's language. */
export function builtInSpeech(ui: 'vi' | 'en'): Speech {
  const synth = new BuiltInSynth(ui);
  return {
    synth: synth as unknown as SpeechSynthesis,
    // Reading is about to start: eSpeak loads now rather than at the first sentence.
    prepare: () => synth.warm(),
    Utterance: BuiltInUtterance as unknown as typeof SpeechSynthesisUtterance,
    fallback: true,
  };
}
