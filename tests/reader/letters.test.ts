// The plain letter classes extraction runs instead of \p{L}\p{N}: the same words in the scripts of the pages we meet.
import { describe, expect, it } from 'vitest';
import { hasLetterOrDigit, WORDS } from '../../packages/retrofit/src/letters';
import { vietnameseDate } from '../../packages/retrofit/src/adapters/metadata';

const LINES = [
  'Thứ Sáu, 24/10/2025 – Ủy ban nhân dân phường Đông Hưng Thuận ban hành Quyết định số 12/QĐ-UBND.',
  'Published 11:34 PM EST Nov. 19, 2019 | updated: 3 a.m.',
  'Über die Änderungen schreibt Zoë Müller: „Straße“ — 42 % (¾).',
  'Πρωθυπουργός · Москва, 5 марта 2024 г. · Երևան',
  'בירושלים היום · القاهرة ١٤٤٥ هـ',
  '新华社北京10月1日电（记者王晓）：国庆节快乐！ 東京・日本語のテキスト、カタカナ。',
  '서울특별시 — 2024년 10월',
  '© 2024 · » « | / • ★ → ▶ ✓ 😀 … ¶ § † ‰ € ₫',
];

describe('the letters module', () => {
  for (const line of LINES) {
    it(`finds the words \\p{L}\\p{N} finds in "${line.slice(0, 30)}…"`, () => {
      expect(line.match(WORDS) ?? []).toEqual(line.match(/[\p{L}\p{N}]+/gu) ?? []);
    });
  }

  it('finds no letter in a line of separators and symbols, and one in any word', () => {
    for (const t of ['|', ' » ', '- · -', '©', '★★★', '😀', '…', '']) expect(hasLetterOrDigit(t), t).toBe(false);
    for (const t of ['a', 'Đ', 'ữ', '7', 'ж', 'ب', '中', '한']) expect(hasLetterOrDigit(t), t).toBe(true);
  });
});

describe('vietnameseDate', () => {
  it('reads SA/CH after the time as a word of its own only', () => {
    expect(vietnameseDate('16/10/2024 09:30 CH')).toBe('2024-10-16T21:30');
    expect(vietnameseDate('16/10/2024 12:05 SA')).toBe('2024-10-16T00:05');
    expect(vietnameseDate('16/10/2024 09:30 CH | Đã xem 532')).toBe('2024-10-16T21:30');
    // "Chính phủ" opens the next sentence: 9 in the morning.
    expect(vietnameseDate('16/10/2024 09:12 Chính phủ ban hành')).toBe('2024-10-16T09:12');
    expect(vietnameseDate('16/10/2024 09:12 SAU khi họp')).toBe('2024-10-16T09:12');
  });
});
