/**
 * Text of the reader toolbar. Visible text is always part of the accessible name (WCAG 2.5.3). These names are
 * the project's vocabulary: the popup, the options page and the reader view use the same ones, in this order
 * (tests/extension/vocabulary.node.test.ts).
 */
export const toolbarStrings = {
  vi: {
    region: 'Công cụ đọc',
    size: 'Cỡ chữ',
    smaller: 'Giảm cỡ chữ',
    reset: 'Cỡ chữ mặc định',
    larger: 'Tăng cỡ chữ',
    contrast: 'Màu chữ và nền',
    off: 'Như trang gốc',
    high: 'Đen trên trắng',
    dark: 'Trắng trên đen',
    yellow: 'Vàng trên đen',
    spacing: 'Giãn dòng',
    clutter: 'Ẩn phần phụ',
    reader: 'Chế độ đọc',
    readAloud: 'Đọc to',
    more: 'Thêm',
    scope: 'Chỉ dùng cho trang web này',
    turnOff: 'Tắt trên trang web này',
    /** Announced after a size change: "Cỡ chữ 150%". */
    sizeNow: 'Cỡ chữ {n}%',
  },
  en: {
    region: 'Reading tools',
    size: 'Text size',
    smaller: 'Smaller text',
    reset: 'Default text size',
    larger: 'Larger text',
    contrast: 'Text and background colours',
    off: 'As the page',
    high: 'Black on white',
    dark: 'White on black',
    yellow: 'Yellow on black',
    spacing: 'Wider spacing',
    clutter: 'Hide side content',
    reader: 'Reader view',
    readAloud: 'Read aloud',
    more: 'More',
    scope: 'Only this site',
    turnOff: 'Turn off on this site',
    sizeNow: 'Text size {n}%',
  },
} as const;

export type ToolbarStrings = (typeof toolbarStrings)['vi' | 'en'];
