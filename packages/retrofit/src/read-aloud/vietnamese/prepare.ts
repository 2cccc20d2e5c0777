/**
 * Vietnamese text prepared for the ear: dates, times, numbers, money, percentages, ordinals, Roman numerals,
 * phone numbers, document numbers and the short forms of government text become the words a news reader would
 * say, and every replacement is recorded so that what the voice says maps back to the page's own characters.
 * Anything no rule recognises is left exactly as written.
 */
import { collapseSpaces, spokenFrom, type Edit } from '../spoken-map.js';
import type { SpokenText } from '../spoken.js';
import { readDigits, readMonth, readNumber, readOrdinal, romanValue } from './numbers.js';
import { ABBREVIATIONS, DATE_BEFORE, DOCUMENT_CODES, LETTERS, PHONE_BEFORE, PLACES, ROMAN_AFTER, TITLES, UNITS } from './words.js';

/** A rule: where it applies, and what is said there (null: it does not apply after all, look further). */
interface Rule {
  re: RegExp;
  say(m: RegExpExecArray, text: string): string | null;
}

const WORD = '\\p{L}\\p{N}';
/** Not inside a word or a number, before and after. */
const B0 = `(?<![${WORD}])`;
const B1 = `(?![${WORD}])`;
const NUMBER = '\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:\\.\\d+)+|\\d+,\\d+|\\d+';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const longestFirst = (keys: string[]) => keys.sort((a, b) => b.length - a.length).map(escape).join('|');
const rule = (source: string, say: Rule['say']): Rule => ({ re: new RegExp(source, 'gu'), say });

/** The last words before `index`, lower case, for rules that depend on what comes before. */
const before = (text: string, index: number, chars = 24) => text.slice(Math.max(0, index - chars), index).toLowerCase();
const lastWords = (text: string, index: number, n: number) =>
  before(text, index, 40)
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .slice(-n)
    .join(' ');
const endsWithWord = (text: string, index: number, words: ReadonlySet<string>) => [1, 2, 3].some((n) => words.has(lastWords(text, index, n)));

/** "13.304" and "2,5" as numbers, "4.0" and "1.2.3" as "bốn chấm không", "0905" and very long numbers digit by digit. */
function numberWords(written: string): string {
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+,\d+$/.test(written)) return readNumber(written);
  if (written.includes('.')) return written.split('.').map(numberWords).join(' chấm ');
  if ((written.length > 1 && written[0] === '0') || written.length > 15) return readDigits(written);
  return readNumber(written);
}

const validDate = (d: number, m: number) => d >= 1 && d <= 31 && m >= 1 && m <= 12;
const dayMonth = (d: string, m: string) => `${numberWords(String(+d))} tháng ${readMonth(+m)}`;
/** "ngày" before a date, unless the text already says it ("ngày 15/10", "mùng 2/9"). */
const dayWord = (text: string, index: number) => (/(?:ngày|mùng|mồng)\s*$/.test(before(text, index)) ? '' : 'ngày ');

/** A code of a document number: "KH" → "kế hoạch", "QH14" → "Quốc hội khóa mười bốn", else spelled. */
function codeWords(code: string): string {
  const known = DOCUMENT_CODES[code] ?? ABBREVIATIONS[code] ?? TITLES[code];
  if (known) return known;
  const numbered = /^(\p{L}+)(\d+)$/u.exec(code);
  if (numbered) return `${codeWords(numbered[1]!)}${numbered[1] === 'QH' ? ' khóa' : ''} ${numberWords(numbered[2]!)}`;
  return spell(code);
}

/** Letters by their Vietnamese names, digits as digits: "ABC" → "a bê xê". */
const spell = (code: string) => [...code.toUpperCase()].map((c) => LETTERS[c] ?? (/\d/.test(c) ? readDigits(c) : c)).join(' ');

/** Digits one by one, a pause (a comma) where the number is grouped: "0236.3822.123" → "không hai ba sáu, ba tám hai hai, …". */
const phoneWords = (written: string) =>
  written
    .replace(/^\+/, 'cộng ')
    .split(/[\s.()-]+/)
    .filter(Boolean)
    .map((g) => (g === 'cộng' ? g : readDigits(g)))
    .join(', ')
    .replace('cộng, ', 'cộng ');

const UNIT_KEYS = longestFirst(Object.keys(UNITS));
const ROMAN_TRIGGERS = [...ROMAN_AFTER].map((t) => `[${t[0]}${t[0]!.toUpperCase()}]${escape(t.slice(1))}`).join('|');
const TITLE_KEYS = longestFirst(Object.keys(TITLES));
const PLACE_KEYS = longestFirst(Object.keys(PLACES));
const ABBREVIATION_KEYS = longestFirst(Object.keys(ABBREVIATIONS));

/** In order of priority: where two rules match at the same place, the first one wins. */
const RULES: Rule[] = [
  // Addresses are read as written: no number or date inside them is touched.
  rule('(?:https?:\\/\\/|www\\.)[^\\s]+[^\\s.,;:!?)]|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+', (m) => m[0]),
  // Document numbers: "112/KH-UBND", "100/2019/NĐ-CP", "59/2020/QH14", never dates.
  rule(`${B0}(\\d{1,5})(?:\\/(\\d{4}))?\\/((?:[A-ZĐ][\\p{L}\\d]*)(?:[-–.&][A-ZĐ][\\p{L}\\d]*)*)${B1}`, (m) => {
    const codes = m[3]!.split(/[-–.&]/).map(codeWords).join(' ');
    return `${numberWords(m[1]!)}, ${m[2] ? `năm ${readNumber(m[2])}, ` : ''}${codes}`;
  }),
  // Party documents: "18-NQ/TW", "15-KH/TU".
  rule(`${B0}(\\d{1,5})-([A-ZĐ][\\p{L}\\d]*)\\/([A-ZĐ][\\p{L}\\d]*(?:[-–.][A-ZĐ][\\p{L}\\d]*)*)${B1}`, (m) =>
    `${numberWords(m[1]!)}, ${[m[2]!, ...m[3]!.split(/[-–.]/)].map(codeWords).join(' ')}`,
  ),
  // Phone numbers, digit by digit: 0 and 9 to 11 digits, or +84, or 1800/1900 lines.
  rule(`(?:\\+84[\\s.]?\\d{1,3}|\\(0\\d{1,3}\\)|${B0}0\\d{1,3})(?:[\\s.-]?\\d{2,4}){2,4}${B1}`, (m) => {
    const n = m[0].replace(/\D/g, '').length;
    return n >= 9 && n <= 12 ? phoneWords(m[0]) : null;
  }),
  rule(`${B0}1[89]00(?:[\\s.]?\\d{2,4}){1,2}${B1}`, (m) => phoneWords(m[0])),
  // After "ĐT:", "hotline", "gọi"…: any number, digit by digit ("gọi 113").
  rule(`${B0}\\d{2,}(?:[.\\s-]\\d{2,})*${B1}`, (m, text) => (PHONE_BEFORE.test(before(text, m.index, 30)) ? phoneWords(m[0]) : null)),
  // Dates: 15/10/2024, 15-10-2024, 15.10.2024.
  rule(`${B0}(\\d{1,2})([\\/.-])(\\d{1,2})\\2(\\d{4})${B1}`, (m, text) =>
    validDate(+m[1]!, +m[3]!) ? `${dayWord(text, m.index)}${dayMonth(m[1]!, m[3]!)} năm ${readNumber(m[4]!)}` : null,
  ),
  // Month and year: 10/2024 ("tháng 10/2024" keeps its own "tháng").
  rule(`(?<![${WORD}/])(\\d{1,2})\\/(\\d{4})${B1}`, (m, text) =>
    +m[1]! >= 1 && +m[1]! <= 12 ? `${/tháng\s*$/.test(before(text, m.index)) ? '' : 'tháng '}${readMonth(+m[1]!)} năm ${readNumber(m[2]!)}` : null,
  ),
  // Day and month: "15/10", "Sáng 2/9"; a small first number with no date word before it is a fraction ("1/3").
  rule(`${B0}(\\d{1,2})\\/(\\d{1,2})(?!\\/\\d)${B1}`, (m, text) => {
    const [d, mo] = [+m[1]!, +m[2]!];
    if (m[0] === '24/7') return 'hai mươi tư trên bảy';
    if (validDate(d, mo) && (m[1]!.length === 2 || endsWithWord(text, m.index, DATE_BEFORE))) return `${dayWord(text, m.index)}${dayMonth(m[1]!, m[2]!)}`;
    return d < mo ? `${readNumber(String(d))} phần ${readNumber(String(mo))}` : `${readNumber(String(d))} trên ${readNumber(String(mo))}`;
  }),
  // Times: 8h30, 8h, 08h00, 8g30; 16:05; "16 giờ 05".
  rule(`${B0}(\\d{1,2})(?:h(\\d{2})?|g(\\d{2}))(?:['’]|\\s?phút)?${B1}`, (m) => {
    const [hour, min] = [+m[1]!, +(m[2] ?? m[3] ?? 0)];
    if (hour > 24 || min > 59) return null;
    return `${readNumber(String(hour))} giờ${min ? ` ${readNumber(String(min))}` : ''}${/phút/.test(m[0]) ? ' phút' : ''}`;
  }),
  rule(`${B0}(\\d{1,2}):(\\d{2})(?!:\\d)(?:\\s?(SA|CH|AM|PM))?${B1}`, (m) => {
    const [hour, min] = [+m[1]!, +m[2]!];
    if (hour > 24 || min > 59) return null;
    const part = m[3] ? (/SA|AM/.test(m[3]) ? ' sáng' : ' chiều') : '';
    return `${readNumber(String(hour))} giờ${min ? ` ${readNumber(String(min))} phút` : ''}${part}`;
  }),
  rule(`${B0}(\\d{1,2})\\s+giờ\\s+(0\\d)(?:\\s*phút)?${B1}`, (m) => `${readNumber(m[1]!)} giờ ${readNumber(m[2]!)} phút`),
  // Ordinals: "thứ 1" → "thứ nhất", "Thứ 4" → "thứ tư", "lần thứ XIII" → "lần thứ mười ba".
  rule(`(?<![\\p{L}])([Tt]hứ)\\s+(\\d{1,3}|[IVXLC]{1,7})${B1}`, (m) => {
    const n = /\d/.test(m[2]!) ? +m[2]! : romanValue(m[2]!);
    return n === undefined ? null : `${m[1]} ${readOrdinal(n)}`;
  }),
  // Roman numerals after the words that number things: "Khóa XV", "Đại hội XIII", "thế kỷ XXI", "Quý III".
  rule(`(?<=(?:^|[^\\p{L}])(?:${ROMAN_TRIGGERS})\\s+)([IVXLCDM]{1,7})${B1}`, (m) => {
    const n = romanValue(m[1]!);
    return n === undefined ? null : readNumber(String(n));
  }),
  // Titles before a name, alone or chained: "ThS.", "TS", "PGS.TS.", "BS.CKII".
  rule(`${B0}((?:${TITLE_KEYS})(?:\\.\\s?(?:${TITLE_KEYS}))*)\\.?(?=\\s+\\p{Lu}|\\s*[,;:]|\\s*$)`, (m) =>
    m[1]!
      .split(/\.\s?/)
      .map((t) => TITLES[t]!)
      .join(', ')
      .replace(/, chuyên khoa/g, ' chuyên khoa'),
  ),
  // Place prefixes before a name or a number: "TP. Huế", "Q. 1", "P.5", "TX. Sơn Tây". Not a name's initial
  // ("Nguyễn Văn H. Sau đó…").
  rule(`${B0}(${PLACE_KEYS})\\.\\s?(?=[\\p{Lu}\\p{N}])`, (m, text) =>
    m[1]!.length === 1 && /\p{Lu}\p{Ll}+\s*$/u.test(text.slice(Math.max(0, m.index - 12), m.index)) ? null : `${PLACES[m[1]!]} `,
  ),
  // Short forms of agencies, schools, programmes: "UBND", "HĐND", "THCS", "GD&ĐT", "đ/c".
  rule(`${B0}(?:${ABBREVIATION_KEYS})${B1}`, (m) => ABBREVIATIONS[m[0]]!),
  // Money before the number: "$100".
  rule(`\\$\\s?(${NUMBER})${B1}`, (m) => `${numberWords(m[1]!)} đô la Mỹ`),
  // Numbers, negative ones and with their unit: "13.304", "2,5%", "1.250.000.000 đồng", "500.000đ", "−5°C".
  rule(`(?:(?<![${WORD}.,%])[-−](?=\\d))?${B0}(${NUMBER})(?:\\s?(${UNIT_KEYS})${B1}|${B1})`, (m) => {
    const negative = /^[-−]/.test(m[0]) ? 'âm ' : '';
    return `${negative}${numberWords(m[1]!)}${m[2] ? ` ${UNITS[m[2]]}` : ''}`;
  }),
  // Ranges between numbers, dates, times and percentages: "2020-2025", "15/10/1930 – 15/10/2024", "8h-11h".
  rule('(?<=[\\d%h])\\s*[–—-]\\s*(?=\\d)', () => ' đến '),
];

/**
 * What changes in Vietnamese `text` for a voice to say it well: whole tokens only, each with its place, so
 * the spoken text maps back to `text`. Each rule scans the text once.
 */
export function vietnameseEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  const next: Array<RegExpExecArray | null | undefined> = RULES.map(() => undefined);
  const find = (r: number, from: number) => {
    const re = RULES[r]!.re;
    re.lastIndex = from;
    return (next[r] = re.exec(text));
  };
  let pos = 0;
  for (;;) {
    let best = -1;
    for (let r = 0; r < RULES.length; r++) {
      let m = next[r];
      if (m === undefined || (m && m.index < pos)) m = find(r, pos);
      if (m && (best < 0 || m.index < next[best]!.index)) best = r;
    }
    if (best < 0) break;
    const m = next[best]!;
    const said = m[0] ? RULES[best]!.say(m, text) : null;
    if (said === null) {
      find(best, m.index + 1);
      continue;
    }
    const end = m.index + m[0].length;
    // Words glued to the token stay apart from what replaces it: "Q.1" → "quận một".
    const pad = (c: string | undefined) => (c && /[\p{L}\p{N}]/u.test(c) ? ' ' : '');
    edits.push([m.index, end, `${said.startsWith(' ') ? '' : pad(text[m.index - 1])}${said}${said.endsWith(' ') ? '' : pad(text[end])}`]);
    pos = end;
  }
  return edits;
}

/** Vietnamese `text` as a voice should hear it (white space collapsed), mapped back to `text` (see SpokenText.source). */
export const prepareVietnamese = (text: string): SpokenText => spokenFrom(text, collapseSpaces(text, vietnameseEdits(text)));
