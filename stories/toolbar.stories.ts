import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { retrofit, type RetrofitSession, type Settings, type UiOptions } from '../packages/retrofit/src/index';
import { toolbarStrings } from '../packages/retrofit/src/transforms/toolbar.strings';
import { english } from './support/helpers';
import { legacyPortal } from './support/legacy-portal';

/**
 * The reader toolbar as the engine puts it above the article of a legacy ward portal: one row with its name
 * (which folds it), A- / A / A+ and the size, "Màu chữ và nền" and "Thêm" as panels, "Chế độ đọc" and "Đọc to".
 * Every state: folded, each panel open, each colour theme, both ends of the size range, and what the extension
 * adds ("only this site", "turn off on this site") and how it guards the toolbar. The toolbar speaks the
 * article's language: the English variants are an English article.
 */
interface ToolbarArgs {
  /** The engine's settings for the page (the toolbar is always on). */
  settings: Partial<Settings>;
  /** What an embedder adds (the extension: its actions, folded from storage, guarded). */
  ui?: UiOptions;
  /** A panel the story opens, as the reader would. */
  open?: 'colours' | 'more';
}

type Story = StoryObj<ToolbarArgs>;

let session: RetrofitSession | null = null;

/** The extension's actions, as its content script passes them (nothing is stored in a story). */
const EXTENSION: UiOptions = { toolbar: { scope: { siteOnly: () => false, change: () => {} }, turnOff: () => {} } };

const langOf = (globals: Record<string, unknown>) => (globals.lang === 'en' ? 'en' : 'vi');
const seen = (el: Element) => {
  const copy = el.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.vh')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
};

/** Runs the engine on the story's page with the toolbar on, opens the asked panel; returns the toolbar's root. */
function start(args: ToolbarArgs): ShadowRoot | null {
  session = retrofit(document, { ...args.settings, toolbar: true }, { ui: args.ui ?? {} });
  if (!session.active) throw new Error('the engine found no article in the story');
  const root = document.querySelector('[data-ar-toolbar]')!.shadowRoot;
  if (root && args.open) [...root.querySelectorAll<HTMLButtonElement>('.tools button[aria-expanded]')][args.open === 'colours' ? 0 : 1]!.click();
  return root;
}

const meta = {
  title: 'Pages/Toolbar',
  parameters: { frame: 'bare', docs: { story: { height: '560px' } } },
  args: { settings: {} },
  argTypes: { settings: { control: 'object' }, ui: { control: false }, open: { control: 'inline-radio', options: [undefined, 'colours', 'more'] } },
  // Each story runs the engine on its page; the next one starts from the page as it was.
  beforeEach: () => () => {
    session?.undo();
    session = null;
  },
  render: (_args, { globals }) => legacyPortal(langOf(globals)),
} satisfies Meta<ToolbarArgs>;
export default meta;

/** As a reader first meets it: one row, at 100 % (A- and A are at their end). */
export const OneRow: Story = {
  play: async ({ args, globals }) => {
    const t = toolbarStrings[langOf(globals)];
    const root = start(args)!;
    const buttons = [...root.querySelectorAll('.row button')];
    await expect(buttons.map(seen)).toEqual([t.region, 'A-', 'A', 'A+', t.contrast, t.more, t.reader, t.readAloud]);
    await expect(new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top))).size).toBe(1);
    await expect(root.querySelector('.pct')!.textContent).toBe('100%');
    await expect(buttons[1]).toHaveAttribute('aria-disabled', 'true');
    await expect(buttons[3]).toHaveAttribute('aria-disabled', 'false');
  },
};

/** Folded to its name (the extension remembers this on the computer). */
export const Folded: Story = {
  args: { ui: { toolbar: { collapsed: true } } },
  play: async ({ args, globals }) => {
    const root = start(args)!;
    const name = root.querySelector('.name')!;
    await expect(seen(name)).toBe(toolbarStrings[langOf(globals)].region);
    await expect(name).toHaveAttribute('aria-expanded', 'false');
    await expect(root.querySelector<HTMLElement>('.tools')!.hidden).toBe(true);
  },
};

/** "Màu chữ và nền" open: the four themes as one radio group, the page's colours chosen. */
export const ColoursOpen: Story = {
  args: { open: 'colours' },
  play: async ({ args, globals }) => {
    const t = toolbarStrings[langOf(globals)];
    const root = start(args)!;
    const panel = root.getElementById('colours')!;
    await expect(panel.hidden).toBe(false);
    await expect([...panel.querySelectorAll('label')].map((l) => seen(l).replace(/^Aa ?/, ''))).toEqual([t.off, t.high, t.dark, t.yellow]);
    await expect(panel.querySelector<HTMLInputElement>('input:checked')!.value).toBe(args.settings.contrast ?? 'off');
  },
};

/** "Thêm" open: spacing and side content. */
export const MoreOpen: Story = {
  args: { open: 'more', settings: { spacing: 'wcag' } },
  play: async ({ args, globals }) => {
    const t = toolbarStrings[langOf(globals)];
    const root = start(args)!;
    const panel = root.getElementById('more')!;
    await expect(panel.hidden).toBe(false);
    await expect([...panel.querySelectorAll('label')].map(seen)).toEqual([t.spacing, t.clutter]);
    await expect(panel.querySelector('input')!.checked).toBe(true);
  },
};

/** Black on white, colours open to show the choice. */
export const BlackOnWhite: Story = { ...ColoursOpen, args: { open: 'colours', settings: { contrast: 'high' } } };
/** White on black. */
export const WhiteOnBlack: Story = { ...ColoursOpen, args: { open: 'colours', settings: { contrast: 'dark' } } };
/** Yellow on black. */
export const YellowOnBlack: Story = { ...ColoursOpen, args: { open: 'colours', settings: { contrast: 'yellow' } } };

/** At the largest size, 300 %: A+ is at its end (still focusable, announced as unavailable); the toolbar keeps its size. */
export const Largest: Story = {
  args: { settings: { fontScale: 3 } },
  play: async ({ args }) => {
    const root = start(args)!;
    const [, , , larger] = root.querySelectorAll('.row button');
    await expect(root.querySelector('.pct')!.textContent).toBe('300%');
    await expect(larger).toHaveAttribute('aria-disabled', 'true');
    await expect(getComputedStyle(root.querySelector('section')!).fontSize).toBe('16px');
  },
};

/** In the extension: "Thêm" also offers "only this site" and turning it off here. */
export const InTheExtension: Story = {
  args: { open: 'more', ui: EXTENSION },
  play: async ({ args, globals }) => {
    const t = toolbarStrings[langOf(globals)];
    const root = start(args)!;
    const panel = root.getElementById('more')!;
    await expect([...panel.querySelectorAll('label, button')].map(seen)).toEqual([t.spacing, t.clutter, t.scope, t.turnOff]);
  },
};

/**
 * Guarded, as the extension runs it: the same toolbar in a closed shadow root, acting on the reader's own input
 * only. A page script finds no root, and the clicks it makes change nothing. (axe-core cannot see inside a
 * closed root: the same toolbar is audited open in the other stories.)
 */
export const Guarded: Story = {
  args: { ui: { ...EXTENSION, guard: true } },
  play: async ({ args }) => {
    await expect(start(args)).toBeNull();
    document.querySelector('[data-ar-toolbar]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await expect(session!.settings).toMatchObject({ fontScale: 1, contrast: 'off', toolbar: true });
  },
};

export const OneRowEnglish: Story = english(OneRow);
export const FoldedEnglish: Story = english(Folded);
export const ColoursOpenEnglish: Story = english(ColoursOpen);
export const MoreOpenEnglish: Story = english(MoreOpen);
export const BlackOnWhiteEnglish: Story = english(BlackOnWhite);
export const WhiteOnBlackEnglish: Story = english(WhiteOnBlack);
export const YellowOnBlackEnglish: Story = english(YellowOnBlack);
export const LargestEnglish: Story = english(Largest);
export const InTheExtensionEnglish: Story = english(InTheExtension);
export const GuardedEnglish: Story = english(Guarded);
