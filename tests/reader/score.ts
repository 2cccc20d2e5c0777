/** Token-level precision, recall and F1 of extracted text against the expected text (bags of words). */
export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

/** Lower-case words and numbers, Vietnamese letters kept whole (NFC). */
export const tokens = (text: string): string[] => text.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];

export function score(got: string, want: string): Score {
  return bagScore(tokens(got), tokens(want));
}

/** Precision, recall and F1 of one bag of tokens against another (also used by tests/bench/corpus.mjs). */
export function bagScore(g: readonly string[], w: readonly string[]): Score {
  const counts = new Map<string, number>();
  for (const t of w) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of g) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      overlap++;
      counts.set(t, n - 1);
    }
  }
  const precision = g.length ? overlap / g.length : 0;
  const recall = w.length ? overlap / w.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
