import { toolbarStrings } from '../transforms/toolbar.strings.js';

/**
 * Text of the reader view. Every option the toolbar also has takes the toolbar's name (its strings are the
 * project's vocabulary; tests/extension/vocabulary.node.test.ts checks it); the rest is the view's own. Visible
 * text is always part of the accessible name (WCAG 2.5.3).
 */
const shared = (lang: 'vi' | 'en') => {
  const t = toolbarStrings[lang];
  return {
    tools: t.region,
    size: t.size,
    smaller: t.smaller,
    reset: t.reset,
    larger: t.larger,
    sizeNow: t.sizeNow,
    colours: t.contrast,
    high: t.high,
    dark: t.dark,
    yellow: t.yellow,
    more: t.more,
    spacing: t.spacing,
    readAloud: t.readAloud,
  };
};

export const readerStrings = {
  vi: {
    ...shared('vi'),
    view: 'Chế độ đọc',
    back: 'Xem trang gốc',
    // The view never shows the page's colours: its first theme is its own, and says so.
    off: 'Nền kem, chữ đen',
    width: 'Độ rộng dòng',
    narrow: 'Hẹp',
    medium: 'Vừa',
    wide: 'Rộng',
    byline: 'Tác giả',
    source: 'Nguồn',
    related: 'Bài viết liên quan',
    table: 'Bảng',
  },
  en: {
    ...shared('en'),
    view: 'Reader view',
    back: 'View original',
    off: 'Black on cream',
    width: 'Line width',
    narrow: 'Narrow',
    medium: 'Medium',
    wide: 'Wide',
    byline: 'By',
    source: 'Source',
    related: 'Related articles',
    table: 'Table',
  },
} as const;
