/** Letters and digits of any script, as plain character classes, for the patterns run on every page. */

// Not `[\p{L}\p{N}]`: V8 builds a Unicode property class from ICU's tables the first time each pattern holding one
// runs, 0.6 to 2.5 ms apiece (Node 24) against 0.1 ms for this class, and a page's first extraction ran three.
// What is left out is what is certainly no letter or digit: spaces, controls, ASCII and Latin-1 punctuation and
// symbols, combining accents, the punctuation, currency, arrow, box and symbol blocks, CJK punctuation, surrogate
// halves (emoji) and private use. On Latin (Vietnamese too), Greek, Cyrillic, Hebrew, Arabic, CJK and Hangul text it
// finds the words `\p{L}\p{N}` finds (tests/reader/letters.test.ts); in the scripts it does not know well, a vowel
// sign or a stray symbol counts as part of a word.
const NOT_LETTER_OR_DIGIT =
  '\\s\\0-/:-@[-`{-\\u00a9\\u00ab-\\u00b1\\u00b4\\u00b6-\\u00b8\\u00bb\\u00bf\\u00d7\\u00f7\\u02c2-\\u02c5\\u02d2-\\u02df\\u02e5-\\u02eb\\u02ed' +
  '\\u02ef-\\u036f\\u2000-\\u206f\\u20a0-\\u20ff\\u2190-\\u245f\\u2500-\\u2775\\u2794-\\u2bff\\u2e00-\\u2fff\\u3000-\\u3004\\u3008-\\u3020' +
  '\\u3030\\u30fb\\u3200-\\u33ff\\u4dc0-\\u4dff\\ud800-\\uf8ff\\ufe10-\\ufe6f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\uffe0-\\uffff';

/** A run of letters and digits: a word. Global, for `String.prototype.match`. */
export const WORDS = new RegExp(`[^${NOT_LETTER_OR_DIGIT}]+`, 'g');

/** Whether `text` holds a letter or digit. (`search` ignores the pattern's `lastIndex`: one pattern serves both.) */
export const hasLetterOrDigit = (text: string): boolean => text.search(WORDS) >= 0;
