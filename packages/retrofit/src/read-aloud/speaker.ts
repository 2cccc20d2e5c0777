import { BLOCK, type Part } from '../extract/blocks.js';
import { splitSentences } from './sentences.js';
import { loadVoices, pickVoice, speechOf, type Speech } from './voices.js';

export type ReadState = 'idle' | 'loading' | 'playing' | 'paused' | 'done';
/** Why nothing can be read: no speech synthesis at all, or no voice for the article's language. */
export type ReadProblem = 'no-speech' | 'no-voice';

/** Name of the CSS custom highlight of the sentence being read (`::highlight(ar-read-aloud)`). */
export const HIGHLIGHT = 'ar-read-aloud';

export const MIN_RATE = 0.5;
export const MAX_RATE = 2;

export interface Sentence {
  /** Index of the block (paragraph) it belongs to. */
  block: number;
  text: string;
  range: Range;
}

export interface SpeakerOptions {
  /** What to read, block by block: the text nodes (and line breaks) of each paragraph, heading, item… */
  blocks: ReadonlyArray<{ parts: readonly Part[] }>;
  /** BCP 47 language of the text (`vi`, `vi-VN`, `en`). */
  lang: string;
  rate?: number;
  /** Speech synthesis to use; default the window's. */
  speech?: Speech;
  /** Called on every change of state, sentence or rate. */
  onChange?: () => void;
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

/** A read-aloud session over some blocks: state, place and speed, and the commands of the player. */
export interface Speaker {
  readonly state: ReadState;
  readonly problem: ReadProblem | undefined;
  readonly rate: number;
  /** Index of the sentence being read (or where reading stopped). */
  readonly index: number;
  readonly sentences: readonly Sentence[];
  /** Whether the browser can read the text's language; sets `problem` when it cannot. */
  check(): Promise<boolean>;
  /** Reads from the first sentence of block `from` (default: where it stopped, or the start). */
  play(from?: number): Promise<void>;
  pause(): void;
  resume(): void;
  stop(): void;
  /** Reading speed, 0.5 to 2; a sentence being read starts again at the new speed. */
  setRate(rate: number): void;
  /** Jumps one block forward (1) or back (-1), reading on if it was reading. */
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
    for (const [a, z] of splitSentences(text, lang)) {
      const start = locate(a, false);
      const end = locate(z, true);
      if (!start || !end) continue;
      const range = doc.createRange();
      range.setStart(...start);
      range.setEnd(...end);
      out.push({ block: b, text: text.slice(a, z).replace(/\s+/g, ' '), range });
    }
  });
  return out;
}

/**
 * Reads blocks aloud with the Web Speech API, one utterance per sentence (Chrome cuts long utterances), and
 * highlights the sentence being read with the CSS Custom Highlight API, which paints without touching the
 * layout. Pause cancels the utterance and keeps the place; resume reads that sentence again: `pause()` of
 * Chrome does nothing with its network voices and can leave the queue stuck, cancelling works everywhere.
 * `show` keeps the sentence in view; it is called after the sentence is highlighted.
 */
export function createSpeaker(win: Window, o: SpeakerOptions, show: (range: Range) => void = (r) => reveal(r, null)): Speaker {
  const sentences = sentencesOf(win.document, o.blocks, o.lang);
  const speech = o.speech ?? speechOf(win);
  let state: ReadState = 'idle';
  let problem: ReadProblem | undefined;
  let rate = clampRate(o.rate ?? 1);
  let index = 0;
  let current: SpeechSynthesisUtterance | undefined;
  let voice: SpeechSynthesisVoice | undefined;
  let ready: Promise<boolean> | undefined;
  let failures = 0;

  const set = (next: ReadState) => {
    state = next;
    o.onChange?.();
  };
  const paint = (s: Sentence | undefined) => {
    const w = win as HighlightWindow;
    const registry = w.CSS?.highlights;
    if (registry && w.Highlight) {
      if (s) registry.set(HIGHLIGHT, new w.Highlight(s.range));
      else registry.delete(HIGHLIGHT);
    }
    if (s) show(s.range);
  };
  const silence = () => {
    current = undefined;
    speech?.synth.cancel();
  };
  const speak = (): void => {
    const s = sentences[index];
    if (!s || !speech) {
      paint(undefined);
      index = 0;
      return set('done');
    }
    const u = new speech.Utterance(s.text);
    u.lang = voice?.lang ?? o.lang;
    if (voice) u.voice = voice;
    u.rate = rate;
    const next = () => {
      if (current !== u) return;
      current = undefined;
      index++;
      speak();
    };
    u.onend = () => {
      failures = 0;
      next();
    };
    u.onerror = (e) => {
      // Our own cancel (pause, stop, skip) reports interrupted/canceled for an utterance we already left.
      if (current !== u) return;
      if (++failures > 2) {
        current = undefined;
        return set('paused');
      }
      console.warn('Accessible Reader: speech error', e.error);
      next();
    };
    current = u;
    paint(s);
    set('playing');
    speech.synth.speak(u);
  };
  const restart = () => {
    silence();
    speak();
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
    sentences,
    check() {
      ready ??= (async () => {
        if (!speech) problem = 'no-speech';
        else if (!(voice = pickVoice(await loadVoices(speech.synth), o.lang))) problem = 'no-voice';
        return !problem;
      })();
      return ready;
    },
    async play(from) {
      if (from !== undefined) {
        const i = sentences.findIndex((s) => s.block >= from);
        index = i < 0 ? sentences.length : i;
      } else if (state === 'done' || index >= sentences.length) index = 0;
      set('loading');
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
      if (state === 'playing') restart();
      else o.onChange?.();
    },
    skip(step) {
      const here = sentences[Math.min(index, sentences.length - 1)]?.block ?? 0;
      let before = 0;
      for (const s of sentences) if (s.block < here) before = s.block;
      speaker.moveTo(step > 0 ? here + 1 : before);
    },
    moveTo(block) {
      const target = sentences.findIndex((s) => s.block >= block);
      if (target < 0) return;
      index = target;
      if (state === 'playing') restart();
      else {
        if (state === 'done') state = 'idle';
        paint(sentences[target]);
        o.onChange?.();
      }
    },
    dispose() {
      speaker.stop();
    },
  };
  return speaker;
}

const clampRate = (r: number) => (Number.isFinite(r) ? Math.min(MAX_RATE, Math.max(MIN_RATE, r)) : 1);
