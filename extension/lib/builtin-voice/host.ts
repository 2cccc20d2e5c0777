/**
 * The built-in voice's host: where the extension may play sound (Chrome's offscreen document, Firefox's
 * background page). Each page connects a port; an utterance is synthesized by eSpeak NG and played with Web
 * Audio as its chunks come, so the first words sound before the sentence is fully made. It reports start, each
 * word (when it is heard) and end, so the page highlights along.
 */
import { browser, type Browser } from 'wxt/browser';
import { loadEspeak } from './espeak';
import { VOICE_PORT, VOICES, type FromHost, type ToHost } from './protocol';

/** Starts answering the pages' ports. Call once, in the host's own document. */
export function hostBuiltInVoice(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== VOICE_PORT || port.sender?.id !== browser.runtime.id) return;
    // The first page to connect is about to speak: the sound output and eSpeak get ready side by side.
    audio ??= new AudioContext();
    void loadEspeak().catch(() => undefined);
    serve(port, audio);
  });
}

let audio: AudioContext | undefined;

/** Clauses of a sentence, as [start, end): eSpeak makes each in turn, and the first one sounds sooner. */
function clauses(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const m of text.matchAll(/[,;:]\s+/g)) {
    const end = m.index + m[0].length;
    if (end - start >= 20) {
      out.push([start, end]);
      start = end;
    }
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function serve(port: Browser.runtime.Port, ctx: AudioContext): void {
  let playing: { id: number; sources: AudioBufferSourceNode[]; timers: ReturnType<typeof setTimeout>[] } | undefined;
  const send = (m: FromHost) => {
    try {
      port.postMessage(m);
    } catch {
      // The page went away.
    }
  };
  const stop = () => {
    if (!playing) return;
    for (const t of playing.timers) clearTimeout(t);
    for (const s of playing.sources) {
      s.onended = null;
      s.stop();
    }
    playing = undefined;
  };
  const speak = async (m: Extract<ToHost, { type: 'speak' }>) => {
    stop();
    const mine = { id: m.id, sources: [] as AudioBufferSourceNode[], timers: [] as ReturnType<typeof setTimeout>[] };
    playing = mine;
    try {
      const espeak = await loadEspeak();
      if (ctx.state === 'suspended') await ctx.resume();
      if (playing !== mine) return;
      const voice = VOICES.some((v) => v.id === m.voice) ? m.voice : 'vi';
      // Chunks are queued back to back on the audio clock, just ahead of now; a clause at a time, with the
      // document's own tasks (messages, word timers) let through in between.
      let next = 0;
      let last: AudioBufferSourceNode | undefined;
      for (const [from, to] of clauses(m.text)) {
        let clauseStart = -1;
        espeak.synthesize(m.text.slice(from, to), voice, m.rate, (samples, words) => {
          if (playing !== mine) return;
          if (clauseStart < 0) clauseStart = next = Math.max(next, ctx.currentTime + 0.05);
          for (const w of words) {
            const wait = (clauseStart + w.at / 1000 - ctx.currentTime) * 1000;
            mine.timers.push(setTimeout(() => playing === mine && send({ type: 'boundary', id: m.id, charIndex: from + w.charIndex, charLength: w.charLength }), Math.max(0, wait)));
          }
          if (!samples.length) return;
          const buffer = ctx.createBuffer(1, samples.length, espeak.sampleRate);
          buffer.copyToChannel(samples as Float32Array<ArrayBuffer>, 0);
          const source = ctx.createBufferSource();
          source.buffer = buffer;
          source.connect(ctx.destination);
          // A loaded computer may make audio slower than it plays: never schedule in the past.
          next = Math.max(next, ctx.currentTime + 0.01);
          source.start(next);
          if (!last) send({ type: 'start', id: m.id });
          next += buffer.duration;
          mine.sources.push(source);
          last = source;
        });
        await tick();
        if (playing !== mine) return;
      }
      if (!last) {
        playing = undefined;
        send({ type: 'start', id: m.id });
        return send({ type: 'end', id: m.id });
      }
      last.onended = () => {
        if (playing !== mine) return;
        playing = undefined;
        send({ type: 'end', id: m.id });
      };
    } catch (error) {
      console.error('Accessible Reader: the built-in voice failed.', error);
      if (playing === mine) playing = undefined;
      send({ type: 'error', id: m.id, error: 'synthesis-failed' });
    }
  };
  port.onMessage.addListener((m: ToHost) => {
    if (m.type === 'speak') void speak(m);
    else if (m.type === 'cancel') stop();
    else if (m.type === 'pause') void ctx.suspend();
    else if (m.type === 'resume') void ctx.resume();
    else if (m.type === 'warm') void loadEspeak().catch(() => undefined);
  });
  port.onDisconnect.addListener(stop);
}
