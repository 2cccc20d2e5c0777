import type { Lang } from '../shared/locale.js';

/** Text of `<ar-related-articles>`, and how its dates are written for readers of each language. */
export const relatedStrings: Record<
  Lang,
  { heading: string; loading: string; empty: string; error: string; retry: string; locale: string; date: Intl.DateTimeFormatOptions }
> = {
  vi: {
    heading: 'Bài viết liên quan',
    loading: 'Đang tải…',
    empty: 'Nội dung đang cập nhật...',
    error: 'Không tải được bài viết liên quan.',
    retry: 'Thử lại',
    locale: 'vi-VN',
    // 25/11/2026: the order every Vietnamese reader expects.
    date: { day: '2-digit', month: '2-digit', year: 'numeric' },
  },
  en: {
    heading: 'Related articles',
    loading: 'Loading…',
    empty: 'No related articles yet',
    error: 'Related articles could not be loaded.',
    retry: 'Try again',
    locale: 'en-US',
    // "Nov 25, 2026": a month name cannot be mistaken for a day, whatever the reader's habit.
    date: { dateStyle: 'medium' },
  },
};
