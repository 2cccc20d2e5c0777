/**
 * Numbers as Vietnamese words, the way a news reader says them: "13.304" is "mười ba nghìn ba trăm linh bốn",
 * "2,5" is "hai phẩy năm", "0905" digit by digit. The reading itself is read-vietnamese-number's.
 */
import { doReadNumber, ReadingConfig } from 'read-vietnamese-number';

const config = new ReadingConfig();
config.unit = [];
// Vietnamese writes "." between thousands and "," before decimals. The library builds a RegExp from it.
config.thousandSign = '\\.';
config.pointSign = ',';
config.pointText = 'phẩy';
// The forms of the national broadcaster: "linh", "nghìn", "tỷ".
config.oddText = 'linh';
config.units = [[], ['nghìn'], ['triệu'], ['tỷ']];

export const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/** "13.304" → "mười ba nghìn ba trăm linh bốn", "2,5" → "hai phẩy năm", "-3" → "âm ba". */
export function readNumber(written: string): string {
  return doReadNumber(written.replace(/^[−–]/, '-'), config);
}

/** "0236" → "không hai ba sáu". */
export const readDigits = (digits: string): string => [...digits.replace(/\D/g, '')].map((d) => DIGITS[+d]).join(' ');

/** Ordinal after "thứ": 1 is "nhất" and 4 is "tư"; the others are the cardinal. */
export const readOrdinal = (n: number): string => (n === 1 ? 'nhất' : n === 4 ? 'tư' : readNumber(String(n)));

/** Month names use "tư" for April ("tháng tư"); the others are the cardinal. */
export const readMonth = (m: number): string => (m === 4 ? 'tư' : readNumber(String(m)));

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
const WELL_FORMED_ROMAN = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/** The value of a well-formed Roman numeral ("XIII" → 13), or undefined. */
export function romanValue(s: string): number | undefined {
  if (!s || !WELL_FORMED_ROMAN.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = ROMAN[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}
