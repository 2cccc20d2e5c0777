/**
 * The reader view's remembered settings as the extension reads them back (extension/lib/reader-prefs.ts): nothing
 * stored means "start from the page"; anything else is made valid field by field, a corrupt value never reaching
 * the view. The same with the built extension in Chromium: extension-reader.node.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { validateReaderPrefs } from '../../extension/lib/reader-prefs';

const DEFAULTS = { fontScale: 1, contrast: 'off', spacing: 'off', width: 'medium' };

describe('the reader view’s remembered settings, read back', () => {
  it('nothing stored: null, so the view starts from the page’s settings', () => {
    expect(validateReaderPrefs(undefined)).toBeNull();
    expect(validateReaderPrefs(null)).toBeNull();
  });

  it('good settings come back as they were', () => {
    const s = { fontScale: 2.25, contrast: 'yellow', spacing: 'wcag', width: 'narrow' };
    expect(validateReaderPrefs(s)).toEqual(s);
  });

  it.each([
    ['a string', 'big and yellow', DEFAULTS],
    ['a number', 42, DEFAULTS],
    ['an array', [2, 'yellow'], DEFAULTS],
    ['wrong types', { fontScale: '2', contrast: 7, spacing: true, width: null }, DEFAULTS],
    ['unknown values', { fontScale: NaN, contrast: 'pink', spacing: 'double', width: 'huge' }, DEFAULTS],
    ['a size out of range', { fontScale: 40, contrast: 'dark' }, { ...DEFAULTS, fontScale: 3, contrast: 'dark' }],
    ['a size below range', { fontScale: -1, width: 'wide' }, { ...DEFAULTS, width: 'wide' }],
    ['extra fields', { fontScale: 1.5, html: '<script>', toolbar: true }, { ...DEFAULTS, fontScale: 1.5 }],
  ])('corrupt (%s): each bad field is the default', (_what, stored, expected) => {
    const got = validateReaderPrefs(stored);
    expect(got).toEqual(expected);
    expect(Object.keys(got!).sort()).toEqual(['contrast', 'fontScale', 'spacing', 'width']);
  });

  it('a getter that throws gives the defaults', () => {
    const hostile = Object.defineProperty({}, 'fontScale', { get: () => { throw new Error('no'); }, enumerable: true });
    expect(validateReaderPrefs(hostile)).toEqual(DEFAULTS);
  });
});
