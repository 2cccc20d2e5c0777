import type { Lang } from '../shared/locale.js';

/** Text of `<ar-font-size>`. The hidden part of each button name follows its visible text ("A+ …"). */
export const fontSizeStrings: Record<Lang, { group: string; smaller: string; reset: string; larger: string; announce: (percent: string) => string }> = {
  vi: {
    group: 'Cỡ chữ',
    smaller: 'Giảm cỡ chữ',
    reset: 'Cỡ chữ mặc định',
    larger: 'Tăng cỡ chữ',
    announce: (percent) => `Cỡ chữ ${percent}`,
  },
  en: {
    group: 'Text size',
    smaller: 'Smaller text',
    reset: 'Default text size',
    larger: 'Larger text',
    announce: (percent) => `Text size ${percent}`,
  },
};
