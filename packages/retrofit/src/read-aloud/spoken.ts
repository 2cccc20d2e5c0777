/**
 * Text as a voice should hear it, with the way back to the page's own text: what a sentence becomes when
 * "15/10/2024" is spoken as words, and which page characters each spoken character came from, so that a word
 * the voice reports (a boundary event) is highlighted over the original "15/10/2024".
 */


export interface SpokenText {
  /** What the voice is given. */
  readonly text: string;
  /** The [start, end) of the source text that spoken [start, end) was made from. */
  source(start: number, end?: number): [number, number];
}

/** Prepares the text of one language for the ear (see `useSpokenText`). */
export type Prepare = (text: string) => SpokenText;

const preparers = new Map<string, Prepare>();

/**
 * Registers how text in `lang` (a primary language subtag: `vi`) is prepared for the ear. read-aloud/index.ts
 * registers Vietnamese (see vietnamese/index.ts); other languages are read as written.
 */
export function useSpokenText(lang: string, prepare: Prepare): void {
  preparers.set(lang.toLowerCase(), prepare);
}

/** `text` prepared for a voice in `lang`; as written when no preparer is registered for it, or it fails. */
export function spoken(text: string, lang: string): SpokenText {
  const prepare = preparers.get(lang.toLowerCase().split(/[-_]/)[0]!);
  try {
    if (prepare) return prepare(text);
  } catch (error) {
    console.warn('Accessible Reader: could not prepare a sentence for speech; reading it as written.', error);
  }
  return { text, source: (start, end = start + 1) => [start, end] };
}
