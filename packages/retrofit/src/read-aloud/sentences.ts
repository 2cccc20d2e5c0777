/**
 * Sentences of a text, as [start, end) offsets: Intl.Segmenter where the browser has it, a regular expression
 * otherwise. Line breaks always end a sentence, and a sentence longer than MAX is cut after a comma or a
 * semicolon: Chrome stops reading an utterance after about 15 seconds with some voices.
 */

const MAX = 220;
const FALLBACK = /[^.!?…\n]+(?:[.!?…]+["”’»)\]]*|\n|$)/g;
/**
 * The dot of a short form before a name or a number ends no sentence: "UBND TP. Hồ Chí Minh", "P. Bến Nghé",
 * "Q. 1", "ThS. Nguyễn Văn An", "PGS.TS. Lê". Intl.Segmenter (and Chrome's Reading Mode) cuts after them.
 */
const ABBREVIATION_DOT = /(?<![\p{L}\p{N}])(?:T[PXTS]|T[px]|ThS|Ths|TSKH|PGS|[BGKDL]S|BSCKII?|CKII?|St|Dr|Mrs?|Ms|Prof|\p{Lu})\.(?=\s*[\p{Lu}\p{N}])/gu;

type SegmenterCtor = new (lang: string, o: { granularity: 'sentence' }) => { segment(t: string): Iterable<{ index: number; segment: string }> };

function raw(original: string, lang: string): Array<[number, number]> {
  // Same length, so offsets in the masked text are offsets in the original.
  const text = original.replace(ABBREVIATION_DOT, (m) => `${m.slice(0, -1)}_`);
  const Segmenter = (Intl as unknown as { Segmenter?: SegmenterCtor }).Segmenter;
  const out: Array<[number, number]> = [];
  // The one-file bundle relies on Intl.Segmenter (every browser since 2024); elsewhere, a regular expression.
  if (Segmenter) {
    for (const s of new Segmenter!(lang, { granularity: 'sentence' }).segment(text)) out.push([s.index, s.index + s.segment.length]);
  } else {
    for (const m of text.matchAll(FALLBACK)) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** Cuts [start, end) at line breaks, then long pieces after , ; : near MAX characters. */
function pieces(text: string, start: number, end: number, out: Array<[number, number]>): void {
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n') {
      let a = s;
      while (i - a > MAX) {
        const window = text.slice(a, a + MAX);
        const cut = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '), window.lastIndexOf(': '));
        const at = cut > MAX / 3 ? a + cut + 1 : a + (window.lastIndexOf(' ') > 0 ? window.lastIndexOf(' ') : MAX);
        out.push([a, at]);
        a = at;
      }
      out.push([a, i]);
      s = i + 1;
    }
  }
}

/** Sentence boundaries of `text` in language `lang`, trimmed, without empty ones. */
export function splitSentences(text: string, lang = 'vi'): Array<[number, number]> {
  const cut: Array<[number, number]> = [];
  for (const [a, b] of raw(text, lang)) pieces(text, a, b, cut);
  const out: Array<[number, number]> = [];
  for (let [a, b] of cut) {
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a && /[\p{L}\p{N}]/u.test(text.slice(a, b))) out.push([a, b]);
  }
  return out;
}
