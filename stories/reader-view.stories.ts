import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { openReader, readerOf, type ReaderSettings } from '../packages/retrofit/src/index';
import { readerStrings } from '../packages/retrofit/src/reader/reader.strings';
import { english } from './support/helpers';
import { legacyPortal } from './support/legacy-portal';
import { storySpeech, voice } from './support/speech';

/**
 * The reader view over a legacy ward portal: the article alone, large and calm, with the toolbar's bar at the
 * top (the way back, A- / A / A+, "Màu chữ và nền", "Thêm", "Đọc to"), the site's rating and related articles
 * as components after the text. Every theme, 100 to 300 %, each panel open, reading aloud, and a page without a
 * rating or related list; Vietnamese and English.
 */
interface ViewArgs {
  settings: Partial<ReaderSettings>;
  /** The page has the site's own star rating and related list. */
  widgets: boolean;
  /** What the story does once the view is open, as the reader would. */
  then?: 'colours' | 'more' | 'read';
}

type Story = StoryObj<ViewArgs>;

const langOf = (globals: Record<string, unknown>) => (globals.lang === 'en' ? 'en' : 'vi');
const seen = (el: Element) => {
  const copy = el.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.vh')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim().replace(/^Aa ?/, '');
};

/** Opens the view on the story's page (with a silent Vietnamese voice) and does what the story asks. */
function start(args: ViewArgs, globals: Record<string, unknown>): ShadowRoot {
  const lang = langOf(globals);
  const view = openReader(document, { lang, settings: args.settings, speech: storySpeech([voice('Microsoft An - Vietnamese (Vietnam)'), voice('Google US English', 'en-US')]) });
  if (!view) throw new Error('the reader view found no article in the story');
  const t = readerStrings[lang];
  const words = { colours: t.colours, more: t.more, read: t.readAloud };
  if (args.then) [...view.root.querySelectorAll<HTMLButtonElement>('.bar button')].find((b) => seen(b) === words[args.then!])!.click();
  return view.root;
}

const meta = {
  title: 'Pages/Reader view',
  parameters: { frame: 'bare', docs: { story: { height: '640px' } } },
  args: { settings: {}, widgets: true },
  argTypes: { settings: { control: 'object' }, widgets: { control: 'boolean' }, then: { control: 'inline-radio', options: [undefined, 'colours', 'more', 'read'] } },
  // Each story opens its own view; the next one starts from the page without it.
  beforeEach: () => () => readerOf(document)?.close(),
  render: (args, { globals }) => legacyPortal(langOf(globals), { rating: args.widgets, related: args.widgets }),
} satisfies Meta<ViewArgs>;
export default meta;

/** As it opens: the title at the top, under one row of controls; the site's rating and related articles after the text. */
export const Opened: Story = {
  play: async ({ args, globals }) => {
    const t = readerStrings[langOf(globals)];
    const root = start(args, globals);
    await expect([...root.querySelectorAll('.bar .row button')].map(seen)).toEqual([t.back, 'A-', 'A', 'A+', t.colours, t.more, t.readAloud]);
    await expect(root.activeElement).toBe(root.querySelector('h1'));
    await expect(root.querySelector('h1')!.getBoundingClientRect().top).toBeLessThan(window.innerHeight / 2);
    // One row on a computer's screen; a narrow frame wraps it, and it stays small all the same.
    await expect(root.querySelector('.bar')!.getBoundingClientRect().height).toBeLessThanOrEqual(window.innerWidth >= 1000 ? 60 : 170);
    await expect(root.querySelector('.pct')!.textContent).toBe(`${Math.round((args.settings.fontScale ?? 1) * 100)}%`);
    await expect(!!root.querySelector('ar-rating')).toBe(args.widgets);
    await expect(!!root.querySelector('ar-related-articles')).toBe(args.widgets);
  },
};

/** 200 %. */
export const At200Percent: Story = { ...Opened, args: { settings: { fontScale: 2 } } };
/** 300 %, the largest: A+ at its end. */
export const At300Percent: Story = {
  ...Opened,
  args: { settings: { fontScale: 3 } },
  play: async (context) => {
    await Opened.play!(context);
    const root = readerOf(document)!.root;
    await expect(root.querySelectorAll('.bar .size button')[2]).toHaveAttribute('aria-disabled', 'true');
  },
};

/** "Màu chữ và nền" open: the view's own black on cream first, then the engine's three themes. */
export const ColoursOpen: Story = {
  args: { then: 'colours' },
  play: async ({ args, globals }) => {
    const t = readerStrings[langOf(globals)];
    const root = start(args, globals);
    const panel = root.getElementById('colours')!;
    await expect(panel.hidden).toBe(false);
    await expect([...panel.querySelectorAll('label')].map(seen)).toEqual([t.off, t.high, t.dark, t.yellow]);
    await expect(panel.querySelector<HTMLInputElement>('input:checked')!.value).toBe(args.settings.contrast ?? 'off');
  },
};
/** Black on white. */
export const BlackOnWhite: Story = { ...ColoursOpen, args: { then: 'colours', settings: { contrast: 'high' } } };
/** White on black, at 200 %. */
export const WhiteOnBlack: Story = { ...ColoursOpen, args: { then: 'colours', settings: { contrast: 'dark', fontScale: 2 } } };
/** Yellow on black, at 300 %. */
export const YellowOnBlack: Story = { ...ColoursOpen, args: { then: 'colours', settings: { contrast: 'yellow', fontScale: 3 } } };

/** "Thêm" open: wider spacing (on here) and the line width (wide). */
export const MoreOpen: Story = {
  args: { then: 'more', settings: { spacing: 'wcag', width: 'wide' } },
  play: async ({ args, globals }) => {
    const t = readerStrings[langOf(globals)];
    const root = start(args, globals);
    const panel = root.getElementById('more')!;
    await expect(panel.hidden).toBe(false);
    await expect([...panel.querySelectorAll('legend, label')].map(seen)).toEqual([t.spacing, t.width, t.narrow, t.medium, t.wide]);
    await expect(panel.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).toBe(true);
    await expect(panel.querySelector<HTMLInputElement>('input[name="width"]:checked')!.value).toBe('wide');
  },
};

/** Reading aloud: "Đọc to" became "Tạm dừng", and the player's row opened under the bar. */
export const Reading: Story = {
  args: { then: 'read' },
  play: async ({ args, globals }) => {
    const vi = langOf(globals) === 'vi';
    const root = start(args, globals);
    const player = root.querySelector<HTMLElement>('.player')!;
    await waitFor(() => expect(player.querySelector('[role="status"]')!.textContent).toBe(vi ? 'Đang đọc.' : 'Reading.'));
    await expect(player.hidden).toBe(false);
    await expect(seen([...root.querySelectorAll('.bar .row button')].at(-1)!)).toBe(vi ? 'Tạm dừng' : 'Pause');
  },
};

/** A page with no rating and no related list: the article ends with the way back. */
export const WithoutRatingOrRelated: Story = { ...Opened, args: { widgets: false } };

export const OpenedEnglish: Story = english(Opened);
export const At200PercentEnglish: Story = english(At200Percent);
export const At300PercentEnglish: Story = english(At300Percent);
export const ColoursOpenEnglish: Story = english(ColoursOpen);
export const BlackOnWhiteEnglish: Story = english(BlackOnWhite);
export const WhiteOnBlackEnglish: Story = english(WhiteOnBlack);
export const YellowOnBlackEnglish: Story = english(YellowOnBlack);
export const MoreOpenEnglish: Story = english(MoreOpen);
export const ReadingEnglish: Story = english(Reading);
export const WithoutRatingOrRelatedEnglish: Story = english(WithoutRatingOrRelated);
