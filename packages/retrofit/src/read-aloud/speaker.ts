/**
 * One read-aloud session over some blocks of text: sentences, the voice reading them, the place, the speed,
 * the sentence highlighted in the page's own text. It falls to the next voice when one fails or stalls.
 */
import { BLOCK, type Part } from '../extract/blocks.js';
import { readAloudConfig, type SpeechPrefs } from './config.js';
import { splitSentences } from './sentences.js';
import { spoken, type SpokenText } from './spoken.js';
import { loadVoices, rankVoices, speechOf, type Speech, type VoiceChoice } from './voices.js';

export type ReadState = 'idle' | 'loading' | 'playing' | 'paused' | 'done';
/** Why nothing is read: no speech synthesis at all, no voice for the language, or every voice failed. */
export type ReadProblem = 'no-speech' | 'no-voice' | 'failed';

/** Name of the CSS custom highlight of the sentence being read (`::highlight(ar-read-aloud)`). */
export const HIGHLIGHT = 'ar-read-aloud';
/** The word being said, when the voice reports words (`::highlight(ar-read-aloud-word)`). */
export const HIGHLIGHT_WORD = 'ar-read-aloud-word';

export const MIN_RATE = 0.5;
export const MAX_RATE = 2;

export interface Sentence {
  /** Index of the block (paragraph) it belongs to. */
  block: number;
  /** Its text as on the page, white space collapsed. */
  text: string;
  range: Range;
  /** The page's text of [start, end) of this sentence's own text (before collapsing), as a Range. */
  rangeOf(start: number, end: number): Range | undefined;
  /** The sentence's text with the page's white space, as the offsets of `rangeOf` count it. */
  source: string;
}

export interface SpeakerOptions {
  /** What to read, block by block: the text nodes (and line breaks) of each paragraph, heading, item… */
  blocks: ReadonlyArray<{ parts: readonly Part[] }>;
  /** BCP 47 language of the text (`vi`, `vi-VN`, `en`). */
  lang: string;
  /** Speed; default the remembered one, else 1. */
  rate?: number;
  /** Speech engines; default the window's, then those of configureReadAloud(). */
  speech?: Speech | readonly Speech[] | undefined;
  /** Id of the voice to try first; default the remembered one. */
  voice?: string;
  /** Called on every change of state, sentence, voice or rate. */
  onChange?: () => void;
  /**
   * How long a voice may take, in ms, to start a sentence, and per character to finish it at speed 1 (plus
   * 3 s), before it counts as stalled and the next voice takes over. Defaults 5000 and 250.
   */
  patience?: { start?: number; perChar?: number } | undefined;
}

type HighlightWindow = Window & {
  CSS?: { highlights?: { set(name: string, h: unknown): void; delete(name: string): void } };
  Highlight?: new (...ranges: Range[]) => unknown;
};

/**
 * Brings `range` into view the way `scrollIntoView({ block: 'nearest' })` does, smoothly unless the reader
 * asked for reduced motion: the block around it when the block fits in the view, else the sentence itself.
 * `insetTop` and `insetBottom` are covered by bars (the view's player, the page's read-aloud bar); the
 * scroll container's `scroll-padding` keeps scrollIntoView clear of them too.
 */
export function reveal(range: Range, scroller: Element | null, insetTop = 0, insetBottom = 0): void {
  const el = range.startContainer.parentElement;
  const win = range.startContainer.ownerDocument?.defaultView;
  if (!el || !win) return;
  const behavior: ScrollBehavior = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  const box = scroller?.getBoundingClientRect();
  const top = (box?.top ?? 0) + insetTop;
  const bottom = (box?.bottom ?? win.innerHeight) - insetBottom;
  const r = range.getBoundingClientRect();
  if (r.top >= top && r.bottom <= bottom) return;
  const block = el.closest(BLOCK) ?? el;
  if (block.getBoundingClientRect().height < (bottom - top) * 0.8) return block.scrollIntoView({ block: 'nearest', behavior });
  const delta = r.top < top ? r.top - top - 16 : r.bottom - bottom + 16;
  (scroller ?? win).scrollBy({ top: delta, behavior });
}

/** A read-aloud session over some blocks: state, place, voice and speed, and the commands of the player. */
export interface Speaker {
  readonly state: ReadState;
  readonly problem: ReadProblem | undefined;
  readonly rate: number;
  /** Index of the sentence being read (or where reading stopped). */
  readonly index: number;
  readonly sentences: readonly Sentence[];
  /** The voices that can read the text, best first (after check()). */
  readonly voices: readonly VoiceChoice[];
  /** The voice reading, or that will read. */
  readonly voice: VoiceChoice | undefined;
  /** Whether a voice can read the text's language; sets `problem` when none can. */
  check(): Promise<boolean>;
  /** Reads from the first sentence of block `from` (default: where it stopped, or the start). */
  play(from?: number): Promise<void>;
  pause(): void;
  resume(): void;
  stop(): void;
  /** Reading speed, 0.5 to 2; a sentence being read starts again at the new speed. Remembered. */
  setRate(rate: number): void;
  /** The reader's voice (a VoiceChoice id); a sentence being read starts again with it. Remembered. */
  chooseVoice(id: string): void;
  /** Goes one sentence forward (1) or back (-1), reading on if it was reading. */
  skip(step: 1 | -1): void;
  /** Moves to block `block` (a paragraph the reader chose): reads on from there, or starts there on play. */
  moveTo(block: number): void;
  /** Stops and forgets the highlight: the session is over. */
  dispose(): void;
}

/** The sentences of `blocks`, each a Range over the blocks' own text nodes. */
function sentencesOf(doc: Document, blocks: SpeakerOptions['blocks'], lang: string): Sentence[] {
  const out: Sentence[] = [];
  blocks.forEach((block, b) => {
    // Whitespace becomes plain spaces (same length, so offsets still point into the nodes): a newline in
    // the page's source must not end a sentence; a <br> does.
    let text = '';
    const at: Array<[Text, number]> = [];
    for (const p of block.parts) {
      if (p === '\n') text += '\n';
      else {
        at.push([p, text.length]);
        text += p.data.replace(/\s/g, ' ');
      }
    }
    const locate = (offset: number, end: boolean): [Text, number] | undefined => {
      let found: [Text, number] | undefined;
      for (const [node, start] of at) {
        if (end ? start < offset : start <= offset) found = [node, Math.min(offset - start, node.length)];
        else if (!end && !found) return [node, 0];
      }
      return found;
    };
    const range = (a: number, z: number) => {
      const start = locate(a, false);
      const end = locate(z, true);
      if (!start || !end) return undefined;
      const r = doc.createRange();
      r.setStart(...start);
      r.setEnd(...end);
      return r;
    };
    for (const [a, z] of splitSentences(text, lang)) {
      const r = range(a, z);
      if (!r) continue;
      const source = text.slice(a, z);
      out.push({ block: b, text: source.replace(/\s+/g, ' '), source, range: r, rangeOf: (x, y) => range(a + x, a + Math.min(y, source.length)) });
    }
  });
  return out;
}

/**
 * Reads blocks aloud with the Web Speech API (or engines of the same shape), one utterance per sentence
 * (Chrome cuts long utterances), each prepared for the ear in its language (see spoken.ts), and highlights the
 * sentence being read with the CSS Custom Highlight API, which paints without touching the layout; the word
 * too, when the voice reports words. Voices are tried best first (rankVoices): a voice that reports an error,
 * does not start, never ends, or ends at once without speaking is left for the next one, and the sentence is
 * read again by it. Pause cancels the utterance and keeps the place; resume reads that sentence again:
 * `pause()` of Chrome does nothing with its network voices and can leave the queue stuck, cancelling works
 * everywhere. `show` keeps the sentence in view; it is called after the sentence is highlighted.
 */
export function createSpeaker(win: Window, o: SpeakerOptions, show: (range: Range) => void = (r) => reveal(r, null)): Speaker {
  const doc = win.document;
  // What the embedder added (the extension: its built-in voice, the reader's voice and speed).
  const config = readAloudConfig(doc);
  const own = o.speech ? [o.speech].flat() : [speechOf(win)];
  const engines = [...own, ...(config.speech ?? [])].filter((e): e is Speech => !!e);
  const remembered: SpeechPrefs = config.prefs?.() || {};
  const sentences = sentencesOf(doc, o.blocks, o.lang);
  const said = new Map<Sentence, SpokenText>();
  const patience = { start: 5000, perChar: 250, ...o.patience };
  let state: ReadState = 'idle';
  let problem: ReadProblem | undefined;
  let rate = clampRate(o.rate ?? remembered.rate ?? 1);
  let chosen = o.voice ?? remembered.voice;
  let index = 0;
  let current: SpeechSynthesisUtterance | undefined;
  let voices: VoiceChoice[] = [];
  let voice: VoiceChoice | undefined;
  let ready: Promise<boolean> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Ids of the voices that failed in this session. */
  const failed = new Set<string>();

  const set = (next: ReadState) => {
    state = next;
    o.onChange?.();
  };
  const highlight = (name: string, range: Range | undefined) => {
    const w = win as HighlightWindow;
    const registry = w.CSS?.highlights;
    if (!registry || !w.Highlight) return;
    if (range) registry.set(name, new w.Highlight(range));
    else registry.delete(name);
  };
  const paint = (s: Sentence | undefined) => {
    highlight(HIGHLIGHT_WORD, undefined);
    highlight(HIGHLIGHT, s?.range);
    if (s) show(s.range);
  };
  const silence = () => {
    clearTimeout(timer);
    const engine = voice?.speech;
    current = undefined;
    engine?.synth.cancel();
  };
  const remember = () => {
    const prefs: SpeechPrefs = { rate, ...(chosen ? { voice: chosen } : {}) };
    try {
      config.savePrefs?.(prefs);
    } catch (error) {
      console.warn('Accessible Reader: could not remember the voice and speed.', error);
    }
  };
  /** The voice failed on this sentence: the next one reads it again, or reading pauses when none is left. */
  const fail = (choice: VoiceChoice, why: string) => {
    console.warn(`Accessible Reader: the voice "${choice.voice.name}" failed (${why}); trying the next one.`);
    failed.add(choice.id);
    silence();
    const next = voices.find((v) => !failed.has(v.id));
    if (!next) {
      problem = 'failed';
      return set('paused');
    }
    voice = next;
    speak();
  };
  const speak = (): void => {
    clearTimeout(timer);
    const s = sentences[index];
    const choice = voice;
    if (!s || !choice) {
      paint(undefined);
      index = 0;
      return set('done');
    }
    let text = said.get(s);
    if (!text) said.set(s, (text = spoken(s.source, o.lang)));
    const u = new choice.speech.Utterance(text.text);
    u.lang = choice.voice.lang || o.lang;
    u.voice = choice.voice;
    u.rate = rate;
    const mine = () => current === u;
    // A voice without audio output (speech-dispatcher with no sound card) "speaks" a sentence in a few ms.
    const least = text.text.length > 20 ? (text.text.length * 10) / rate : 0;
    let started = 0;
    u.onstart = () => {
      if (!mine()) return;
      started = Date.now();
      clearTimeout(timer);
      timer = setTimeout(() => mine() && fail(choice, 'stalled'), 3000 + (text.text.length * patience.perChar) / rate);
    };
    u.onend = () => {
      if (!mine()) return;
      if (started && Date.now() - started < least) return fail(choice, 'ended at once');
      clearTimeout(timer);
      current = undefined;
      index++;
      speak();
    };
    u.onerror = (e) => {
      if (!mine()) return;
      // Someone else cancelled the voice (the page's own "Đọc bài", another tab): that is a pause, not a failure.
      if (e.error === 'interrupted' || e.error === 'canceled') {
        clearTimeout(timer);
        current = undefined;
        return set('paused');
      }
      fail(choice, e.error);
    };
    u.onboundary = (e) => {
      if (!mine() || (e.name && e.name !== 'word')) return;
      const length = e.charLength || (/^[^\s,.;:!?]*/.exec(text.text.slice(e.charIndex))?.[0].length ?? 1);
      const [a, b] = text.source(e.charIndex, e.charIndex + Math.max(1, length));
      highlight(HIGHLIGHT_WORD, s.rangeOf(a, b));
    };
    current = u;
    paint(s);
    set('playing');
    timer = setTimeout(() => mine() && fail(choice, 'did not start'), patience.start * (choice.tier === 3 ? 3 : 1));
    choice.speech.synth.speak(u);
  };
  const rank = (from: Speech[]) => {
    voices = rankVoices(
      from.map((speech) => ({ speech, voices: speech.synth.getVoices() })),
      o.lang,
    );
    const best = voices.find((v) => v.id === chosen) ?? voices.find((v) => !failed.has(v.id));
    if (!voice || (!chosen && best && best.tier < voice.tier) || !voices.some((v) => v.id === voice!.id)) voice = best;
    if (voice && problem === 'no-voice') problem = undefined;
    o.onChange?.();
  };
  const relist = () => rank(engines);
  const restart = () => {
    silence();
    speak();
  };
  const goTo = (target: number) => {
    if (target < 0 || target >= sentences.length) return;
    index = target;
    if (state === 'playing') restart();
    else {
      if (state === 'done') state = 'idle';
      paint(sentences[target]);
      o.onChange?.();
    }
  };

  const speaker: Speaker = {
    get state() {
      return state;
    },
    get problem() {
      return problem;
    },
    get rate() {
      return rate;
    },
    get index() {
      return index;
    },
    get voices() {
      return voices;
    },
    get voice() {
      return voice;
    },
    sentences,
    check() {
      ready ??= (async () => {
        if (!engines.length) {
          problem = 'no-speech';
          return false;
        }
        // With a fallback engine there is always a voice: a list that comes late is taken up when it comes
        // (voiceschanged below), so the first sentence does not wait for a computer that has no voice.
        const wait = engines.some((e) => e.fallback) ? 100 : 1500;
        await Promise.all(engines.map((speech) => loadVoices(speech.synth, wait).catch(() => [])));
        rank(engines);
        // Chrome lists some voices late (speech-dispatcher's, Edge's online ones): the list follows, and a
        // better voice than the one in use reads from the next sentence on, unless the reader chose one.
        for (const speech of engines) speech.synth.addEventListener?.('voiceschanged', relist);
        if (!voice) {
          problem = 'no-voice';
          // Asked again on the next play: the voices may have come since.
          ready = undefined;
        }
        return !!voice;
      })();
      return ready;
    },
    async play(from) {
      if (from !== undefined) {
        const i = sentences.findIndex((s) => s.block >= from);
        index = i < 0 ? sentences.length : i;
      } else if (state === 'done' || index >= sentences.length) index = 0;
      // Every voice failed earlier: the reader asks again, so each gets another chance.
      if (problem === 'failed') {
        problem = undefined;
        failed.clear();
        voice = voices.find((v) => v.id === chosen) ?? voices[0];
      }
      set('loading');
      for (const e of engines) e.prepare?.();
      const ok = await speaker.check();
      // Paused or stopped while the voices loaded.
      if (state !== 'loading') return;
      if (!ok) return set('idle');
      speak();
    },
    pause() {
      if (state !== 'playing' && state !== 'loading') return;
      silence();
      set('paused');
    },
    resume() {
      if (state === 'paused') void speaker.play();
    },
    stop() {
      silence();
      index = 0;
      paint(undefined);
      set('idle');
    },
    setRate(r) {
      rate = clampRate(r);
      remember();
      if (state === 'playing') restart();
      else o.onChange?.();
    },
    chooseVoice(id) {
      const next = voices.find((v) => v.id === id);
      if (!next) return;
      chosen = id;
      failed.delete(id);
      remember();
      if (state === 'playing') {
        silence();
        voice = next;
        speak();
      } else {
        voice = next;
        o.onChange?.();
      }
    },
    skip(step) {
      goTo(Math.min(index, sentences.length - 1) + step);
    },
    moveTo(block) {
      goTo(sentences.findIndex((s) => s.block >= block));
    },
    dispose() {
      speaker.stop();
      for (const speech of engines) speech.synth.removeEventListener?.('voiceschanged', relist);
    },
  };
  return speaker;
}

const clampRate = (r: number) => (Number.isFinite(r) ? Math.min(MAX_RATE, Math.max(MIN_RATE, r)) : 1);
