/**
 * eSpeak NG compiled to WebAssembly, Vietnamese data only (built by extension/scripts/espeak-vietnamese.mjs into
 * the extension's espeak/ folder): text in, 16-bit samples and word positions out, chunk by chunk as eSpeak
 * produces them, so that the first chunk can sound while the rest of the sentence is made.
 */

/** A word eSpeak reached: where it is in the text (0-based, in characters) and when it is heard. */
export interface Word {
  charIndex: number;
  charLength: number;
  /** Milliseconds from the start of the utterance's audio. */
  at: number;
}

export interface Espeak {
  sampleRate: number;
  /** Synthesizes `text` with voice `voice` at `rate` (1 = eSpeak's 175 words a minute); `chunk` gets the audio as it comes. */
  synthesize(text: string, voice: string, rate: number, chunk: (samples: Float32Array, words: Word[]) => void): void;
}

interface EspeakEvent {
  get_type(): number;
  get_text_position(): number;
  get_length(): number;
  get_audio_position(): number;
}
interface EspeakModule {
  eSpeakNGWorker: new () => {
    set_voice(name: string): void;
    set_rate(wpm: number): void;
    get_samplerate(): number;
    getSizeOfEventStruct_(): number;
    synth_(text: string, callback: number): void;
  };
  addFunction(fn: (samples: number, count: number, events: number) => number, signature: string): number;
  removeFunction(pointer: number): void;
  wrapPointer(pointer: number, type: unknown): EspeakEvent;
  espeak_EVENT: unknown;
  espeakEVENT_LIST_TERMINATED: number;
  espeakEVENT_WORD: number;
  HEAP16: Int16Array;
}

let loading: Promise<Espeak> | undefined;

/**
 * Loads eSpeak once (about 0.8 MB of code and 0.7 MB of data), from the extension's own files: the path is
 * relative to the extension's origin, where its host page (offscreen document, background page) lives.
 */
export function loadEspeak(): Promise<Espeak> {
  loading ??= (async () => {
    // A file of the built extension, not a module of the sources; a literal path, so store reviewers see what loads.
    // @ts-expect-error: TypeScript does not resolve paths from the extension's root.
    const create = (await import(/* @vite-ignore */ '/espeak/espeak-ng.js')).default as () => Promise<EspeakModule>;
    const m = await create();
    const worker = new m.eSpeakNGWorker();
    const eventSize = worker.getSizeOfEventStruct_();
    let current: ((samples: Float32Array, words: Word[]) => void) | undefined;
    // One callback for the whole life of the module: Emscripten's function table is small.
    const callback = m.addFunction(
      (pointer, count, events) => {
        const words: Word[] = [];
        for (let at = events; ; at += eventSize) {
          const e = m.wrapPointer(at, m.espeak_EVENT);
          const type = e.get_type();
          if (type === m.espeakEVENT_LIST_TERMINATED) break;
          if (type === m.espeakEVENT_WORD) words.push({ charIndex: e.get_text_position() - 1, charLength: e.get_length(), at: e.get_audio_position() });
        }
        const samples = new Float32Array(count);
        const heap = m.HEAP16.subarray(pointer >> 1, (pointer >> 1) + count);
        for (let i = 0; i < count; i++) samples[i] = heap[i]! / 32768;
        if (count || words.length) current?.(samples, words);
        return 0;
      },
      'iiii',
    );
    return {
      sampleRate: worker.get_samplerate(),
      synthesize(text, voice, rate, chunk) {
        worker.set_voice(voice);
        // eSpeak's own range is 80 to 450 words a minute; 175 is its normal speed.
        worker.set_rate(Math.round(Math.min(450, Math.max(80, 175 * rate))));
        current = chunk;
        try {
          worker.synth_(text, callback);
        } finally {
          current = undefined;
        }
      },
    };
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
