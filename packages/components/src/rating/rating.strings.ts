import type { Lang } from '../shared/locale.js';

/** Text of `<ar-rating>`. Numbers arrive formatted for the language ("4,2" / "4.2"); `n` is the raw one, for plurals. */
export const ratingStrings: Record<
  Lang,
  {
    legend: string;
    stars: (n: number, text: string) => string;
    summary: (average: string, max: string, n: number, count: string) => string;
    none: string;
    submit: string;
    sending: string;
    retry: string;
    thanks: string;
    rated: string;
    error: string;
  }
> = {
  vi: {
    legend: 'Đánh giá bài viết',
    stars: (_n, text) => `${text} sao`,
    summary: (average, max, _n, count) => `Điểm trung bình ${average}/${max} từ ${count} lượt đánh giá`,
    none: 'Chưa có lượt đánh giá nào',
    submit: 'Gửi đánh giá',
    sending: 'Đang gửi…',
    retry: 'Thử lại',
    thanks: 'Cảm ơn bạn đã đánh giá',
    rated: 'Bạn đã đánh giá',
    error: 'Không gửi được đánh giá. Vui lòng thử lại.',
  },
  en: {
    legend: 'Rate this article',
    stars: (n, text) => `${text} star${n === 1 ? '' : 's'}`,
    summary: (average, max, n, count) => `Average ${average} out of ${max} from ${count} rating${n === 1 ? '' : 's'}`,
    none: 'No ratings yet',
    submit: 'Submit rating',
    sending: 'Sending…',
    retry: 'Try again',
    thanks: 'Thank you for your rating',
    rated: 'You rated',
    error: 'Your rating could not be sent. Please try again.',
  },
};
