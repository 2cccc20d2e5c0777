/**
 * The map from a spoken text back to the text it was made from, built from the edits a preparer makes: a
 * voice's word boundary in "mười lăm tháng mười" is highlighted over the page's "15/10".
 */
import type { SpokenText } from './spoken.js';

/** `[from, to, said]`: `said` is spoken for source[from, to). */
export type Edit = readonly [from: number, to: number, said: string];

/** One piece of the spoken text: copied as is from the source, or said for a piece of it. */
interface Piece {
  spoken: number;
  from: number;
  to: number;
  copied: boolean;
}

/** Builds a SpokenText from the source and its edits, given in order and without overlap. */
export function spokenFrom(source: string, edits: readonly Edit[]): SpokenText {
  const pieces: Piece[] = [];
  let text = '';
  let at = 0;
  const copy = (to: number) => {
    if (to > at) pieces.push({ spoken: text.length, from: at, to, copied: true });
    text += source.slice(at, to);
  };
  for (const [from, to, said] of edits) {
    copy(from);
    pieces.push({ spoken: text.length, from, to, copied: false });
    text += said;
    at = to;
  }
  copy(source.length);
  const locate = (i: number): [number, number] => {
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pieces[mid]!.spoken <= i) lo = mid;
      else hi = mid - 1;
    }
    const p = pieces[lo];
    if (!p) return [0, 0];
    if (!p.copied) return [p.from, p.to];
    const x = Math.min(p.from + i - p.spoken, p.to);
    return [x, Math.min(x + 1, p.to)];
  };
  return {
    text,
    source(start, end = start + 1) {
      const a = locate(Math.max(0, start));
      const b = locate(Math.max(start, end - 1));
      return [a[0], Math.max(a[1], b[1])];
    },
  };
}

/** `edits` with runs of white space (line breaks, tabs, non-breaking spaces from the page) said as one space where no edit is. */
export function collapseSpaces(source: string, edits: readonly Edit[]): Edit[] {
  const merged = [...edits];
  let e = 0;
  for (const m of source.matchAll(/\s{2,}|[^\S ]/g)) {
    const [from, to] = [m.index, m.index + m[0].length];
    while (e < edits.length && edits[e]![1] <= from) e++;
    if (!edits[e] || edits[e]![0] >= to) merged.push([from, to, ' ']);
  }
  return merged.sort((a, b) => a[0] - b[0]);
}
