// The fake browser first: the extension's modules read `browser` once, when they load.
import './support/fake-browser';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor, within } from 'storybook/test';
import html from '../extension/entrypoints/welcome/index.html?raw';
import css from '../extension/entrypoints/welcome/style.css?inline';
import { startWelcome } from '../extension/entrypoints/welcome/welcome';
import { storedNow } from './support/fake-browser';
import { mountPage, removePageStyles, written, type ExtensionPage, type PageWorld } from './support/extension-page';
import { english, expectWarnings } from './support/helpers';
import { messageOf, storyLang } from './support/messages';

type Story = StoryObj<{ world: PageWorld }>;

/**
 * The welcome page, opened once when the extension is installed: a size and colours chosen on a live sample (saved
 * for every government site), what the extension does and does not do, and how to pin its button.
 */
const meta = {
  title: 'Extension/Welcome',
  parameters: { frame: 'bare', layout: 'fullscreen' },
  args: { world: {} },
  argTypes: { world: { control: false } },
  render: (args, { globals }) => mountPage(html, css, storyLang(globals), args.world, startWelcome),
  beforeEach: () => removePageStyles,
} satisfies Meta<{ world: PageWorld }>;
export default meta;

const ready = async (canvasElement: HTMLElement) => {
  await (canvasElement.querySelector('.ext-page') as ExtensionPage).ready;
  return within(canvasElement);
};

const sample = (root: HTMLElement) => root.querySelector<HTMLElement>('#preview')!;

/** First visit: as the page is, 100 %. A+ and "yellow on black" change the sample at once and are saved. */
export const FirstVisit: Story = {
  play: async ({ canvasElement, globals, step }) => {
    const t = messageOf(globals);
    const ui = await ready(canvasElement);
    await expect(ui.getByRole('heading', { level: 1, name: t('welcomeTitle') })).toBeVisible();
    await expect(ui.getByText(t('welcomeNot2'))).toBeVisible();
    await step('The sample follows the choice, which is saved for every government site', async () => {
      const before = parseFloat(getComputedStyle(sample(canvasElement)).fontSize);
      canvasElement.querySelector('arx-font-size')!.shadowRoot!.querySelector<HTMLButtonElement>('[part~=increase]')!.click();
      ui.getByRole('radio', { name: t('contrastYellow') }).click();
      await waitFor(() => expect(parseFloat(getComputedStyle(sample(canvasElement)).fontSize) / before).toBeCloseTo(1.25, 1));
      await expect(getComputedStyle(sample(canvasElement)).color).toBe('rgb(255, 255, 0)');
      await written();
      await waitFor(() => expect(storedNow().sync.defaults).toMatchObject({ fontScale: 1.25, contrast: 'yellow' }));
    });
  },
};
export const FirstVisitEnglish = english(FirstVisit);

/** Opened again with a choice already made (200 %, white on black): the page shows that choice. */
export const ChoiceMade: Story = {
  args: { world: { sync: { defaults: { fontScale: 2, contrast: 'dark', spacing: 'off', font: 'page', hideClutter: false, toolbar: true } } } },
  play: async ({ canvasElement, globals }) => {
    const t = messageOf(globals);
    const ui = await ready(canvasElement);
    await expect(ui.getByRole('radio', { name: t('contrastDark') })).toBeChecked();
    await expect(sample(canvasElement).style.fontSize).toBe('200%');
  },
};
export const ChoiceMadeEnglish = english(ChoiceMade);

/** The browser's storage refuses to write: the reader is told. */
export const SaveFailed: Story = {
  beforeEach: expectWarnings,
  args: { world: { failWrites: true } },
  play: async ({ canvasElement, globals }) => {
    const t = messageOf(globals);
    const ui = await ready(canvasElement);
    ui.getByRole('radio', { name: t('contrastHigh') }).click();
    await written();
    await waitFor(() => expect(ui.getByRole('status')).toHaveTextContent(t('saveFailed')));
    await expect(console.warn).toHaveBeenCalledWith('Accessible Reader: could not save the settings.', expect.any(Error));
  },
};
export const SaveFailedEnglish = english(SaveFailed);
