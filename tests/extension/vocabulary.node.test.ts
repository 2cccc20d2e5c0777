/**
 * One vocabulary: the popup, the options page, the welcome page, the extension's strings and the reader view name
 * each option as the on-page toolbar does (packages/retrofit/src/transforms/toolbar.strings.ts), in the same order.
 * Fails as soon as one of them drifts. (The reader view's controls are checked in their rendered order, against the
 * toolbar's, in tests/reader/reader-view-bar.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readerStrings } from '../../packages/retrofit/src/reader/reader.strings';
import { toolbarStrings } from '../../packages/retrofit/src/transforms/toolbar.strings';

type Messages = Record<string, { message: string }>;
const messages = (lang: 'vi' | 'en') => JSON.parse(readFileSync(new URL(`../../extension/public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Messages;
const page = (name: string) => readFileSync(new URL(`../../extension/entrypoints/${name}/index.html`, import.meta.url), 'utf8');

/** Each option's message key in the extension, the toolbar's key for it, in the toolbar's order. */
const VOCABULARY = [
  ['textSize', 'size'],
  ['contrast', 'contrast'],
  ['contrastOff', 'off'],
  ['contrastHigh', 'high'],
  ['contrastDark', 'dark'],
  ['contrastYellow', 'yellow'],
  ['spacing', 'spacing'],
  ['hideClutter', 'clutter'],
  ['readerView', 'reader'],
  ['readAloud', 'readAloud'],
] as const;

describe.each(['vi', 'en'] as const)('the %s strings', (lang) => {
  const m = messages(lang);
  const toolbar = toolbarStrings[lang];

  it.each(VOCABULARY)('%s is the toolbar’s %s', (key, toolbarKey) => {
    expect(m[key]?.message).toBe(toolbar[toolbarKey]);
  });

  it('"only this site" has one name, the toolbar’s once it offers the choice', () => {
    const own = (toolbar as Record<string, string>).scope;
    expect(m.scopeSite!.message).toBe(own ?? (lang === 'vi' ? 'Chỉ dùng cho trang web này' : 'Only this site'));
  });

  it('the size heading starts with the toolbar’s name for it', () => {
    expect(m.textSizeValue!.message.startsWith(`${toolbar.size}:`)).toBe(true);
  });
});

describe.each([
  ['popup', ['textSize', 'contrast', 'contrastOff', 'contrastHigh', 'contrastDark', 'contrastYellow', 'spacing', 'hideClutter', 'readerView']],
  ['options', ['textSize', 'contrast', 'contrastOff', 'contrastHigh', 'contrastDark', 'contrastYellow', 'spacing', 'hideClutter']],
  ['welcome', ['textSize', 'contrast', 'contrastOff', 'contrastHigh', 'contrastDark', 'contrastYellow']],
])('the %s page', (name, expected) => {
  it('shows the options under the toolbar’s names, in the toolbar’s order', () => {
    const html = page(name);
    // The size control's heading is filled from `textSizeValue` ("Cỡ chữ: 150 %"): the control marks its place.
    const place = (key: string) => (key === 'textSize' ? html.indexOf('<arx-font-size') : html.indexOf(`data-i18n="${key}"`));
    const found = expected.map((key) => [key, place(key)] as const);
    for (const [key, at] of found) expect(at, `${name}: ${key}`).toBeGreaterThan(-1);
    const order = [...found].sort((a, b) => a[1] - b[1]).map(([key]) => key);
    expect(order).toEqual(expected);
    // The order is the toolbar's: the page's keys are a subsequence of the vocabulary.
    const vocabulary = VOCABULARY.map(([key]) => key as string);
    expect(order.map((key) => vocabulary.indexOf(key))).toEqual([...order.map((key) => vocabulary.indexOf(key))].sort((a, b) => a - b));
  });
});

/** Each option of the reader view's bar, the toolbar's key for it, in the toolbar's order. */
const READER_VOCABULARY = [
  ['tools', 'region'],
  ['size', 'size'],
  ['smaller', 'smaller'],
  ['reset', 'reset'],
  ['larger', 'larger'],
  ['sizeNow', 'sizeNow'],
  ['colours', 'contrast'],
  ['high', 'high'],
  ['dark', 'dark'],
  ['yellow', 'yellow'],
  ['more', 'more'],
  ['spacing', 'spacing'],
  ['readAloud', 'readAloud'],
] as const;

describe.each(['vi', 'en'] as const)('the reader view in %s', (lang) => {
  const view = readerStrings[lang];
  const toolbar = toolbarStrings[lang];

  it.each(READER_VOCABULARY)('%s is the toolbar’s %s', (key, toolbarKey) => {
    expect(view[key]).toBe(toolbar[toolbarKey]);
  });

  it('its first theme is its own and says what it is: the view never shows the page’s colours', () => {
    expect(view.off).toBe(lang === 'vi' ? 'Nền kem, chữ đen' : 'Black on cream');
    expect(view.off).not.toBe(toolbar.off);
  });

  it('the view’s own options have names no toolbar option has', () => {
    const toolbarNames = new Set<string>(Object.values(toolbar));
    for (const key of ['back', 'width', 'narrow', 'medium', 'wide'] as const) expect(toolbarNames.has(view[key]), key).toBe(false);
  });
});
