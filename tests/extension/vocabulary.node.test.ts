/**
 * One vocabulary: the popup, the options page, the welcome page and the extension's strings name each option as the
 * on-page toolbar does (packages/retrofit/src/transforms/toolbar.strings.ts), in the same order. Fails as soon as
 * one of them drifts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
