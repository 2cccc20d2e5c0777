// The extension pages' words when Chromium's i18n gives a freshly opened page nothing: never a key name.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const i18n = { getMessage: vi.fn((): string => ''), getUILanguage: vi.fn(() => 'vi-VN') };
vi.mock('wxt/browser', () => ({ browser: { i18n } }));
const { t, uiLang } = await import('../../extension/lib/i18n');

describe('extension strings', () => {
  beforeEach(() => {
    i18n.getMessage.mockReturnValue('');
  });

  it('come from the browser when it has them', () => {
    i18n.getMessage.mockReturnValue('Reader view');
    expect(t('readerView')).toBe('Reader view');
  });

  it('come from the built-in copy of messages.json when the browser gives an empty string, in its language', () => {
    i18n.getUILanguage.mockReturnValue('vi-VN');
    expect(t('readerView')).toBe('Chế độ đọc');
    expect(t('thisSite', 'phuong.gov.vn')).toBe('Trang này: phuong.gov.vn');
    expect(uiLang()).toBe('vi');
    i18n.getUILanguage.mockReturnValue('en-GB');
    expect(t('readerView')).toBe('Reader view');
    expect(t('textSizeValue', '150 %')).toBe('Text size: 150 %');
    expect(uiLang()).toBe('en');
  });
});
