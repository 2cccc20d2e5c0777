// The fake browser first: the extension's modules read `browser` once, when they load.
import './support/fake-browser';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor, within } from 'storybook/test';
import html from '../extension/entrypoints/options/index.html?raw';
import css from '../extension/entrypoints/options/style.css?inline';
import { startOptions } from '../extension/entrypoints/options/options';
import { storedNow } from './support/fake-browser';
import { mountPage, removePageStyles, written, type ExtensionPage, type PageWorld } from './support/extension-page';
import { english, expectWarnings } from './support/helpers';
import { messageOf, storyLang } from './support/messages';

const BIG = { fontScale: 2, contrast: 'yellow', spacing: 'wcag', font: 'page', hideClutter: true, toolbar: true, minFontSize: 20, minContrast: 4.5 };
const SITES = {
  defaults: { ...BIG, fontScale: 1.5, contrast: 'high' },
  'site:ubnd.phuong-hoa-binh.gov.vn': { settings: BIG },
  'site:sotttt.tinh-test.gov.vn': { enabled: false },
  'site:baomoi.example': { enabled: true },
};

type Story = StoryObj<{ world: PageWorld }>;

/** The options page: the settings shared by every government site, the sites with their own, backup, shortcuts, reset. */
const meta = {
  title: 'Extension/Options',
  parameters: { frame: 'bare', layout: 'fullscreen' },
  args: { world: { sync: SITES } },
  argTypes: { world: { control: false } },
  render: (args, { globals }) => mountPage(html, css, storyLang(globals), args.world, startOptions),
  beforeEach: () => removePageStyles,
} satisfies Meta<{ world: PageWorld }>;
export default meta;

const ready = async (canvasElement: HTMLElement) => {
  await (canvasElement.querySelector('.ext-page') as ExtensionPage).ready;
  return within(canvasElement);
};

/** Shared settings and three sites: one with "only this site", one turned off, one other site turned on. */
export const WithSites: Story = {
  play: async ({ canvasElement, globals, step }) => {
    const t = messageOf(globals);
    const ui = await ready(canvasElement);
    await expect(ui.getByRole('heading', { level: 2, name: t('defaultsHeading') })).toBeVisible();
    await expect(ui.getByRole('radio', { name: t('contrastHigh') })).toBeChecked();
    await waitFor(() => expect(ui.getAllByRole('listitem')).toHaveLength(3));
    await expect(ui.getByText(new RegExp(`200\\s?%, ${t('contrastYellow')}`))).toBeVisible();
    await expect(ui.getByRole('checkbox', { name: t('siteOnFor', 'sotttt.tinh-test.gov.vn') })).not.toBeChecked();
    await step('A colour chosen here is the shared one', async () => {
      ui.getByRole('radio', { name: t('contrastDark') }).click();
      await written();
      await waitFor(() => expect(storedNow().sync.defaults).toMatchObject({ contrast: 'dark' }));
    });
  },
};
export const WithSitesEnglish = english(WithSites);

/** Nothing stored yet. */
export const Empty: Story = {
  args: { world: {} },
  play: async ({ canvasElement, globals }) => {
    const t = messageOf(globals);
    const ui = await ready(canvasElement);
    await expect(ui.getByText(t('noSites'))).toBeVisible();
    await expect(ui.getByRole('radio', { name: t('contrastOff') })).toBeChecked();
  },
};
export const EmptyEnglish = english(Empty);

/** Some settings live on this computer only (sync had no room): said on the page for as long as it is true. */
export const KeptOnThisComputer: Story = {
  args: { world: { sync: SITES, local: { 'site:tinmoi.example': { enabled: true, settings: BIG }, 'site:xa-a.gov.vn': { enabled: false } } } },
  play: async ({ canvasElement, globals }) => {
    const t = messageOf(globals);
    const ui = await ready(canvasElement);
    await waitFor(() => expect(ui.getByText(t('storedLocally', '2'))).toBeVisible());
    await waitFor(() => expect(ui.getAllByRole('listitem')).toHaveLength(5));
  },
};
export const KeptOnThisComputerEnglish = english(KeptOnThisComputer);

/** "Erase all settings" asks first, in a modal dialog whose safe choice has the focus. */
export const ConfirmReset: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = messageOf(globals);
    const ui = await ready(canvasElement);
    ui.getByRole('button', { name: t('resetButton') }).click();
    const dialog = within(canvasElement.querySelector('dialog')!);
    await waitFor(() => expect(dialog.getByText(t('resetConfirmText'))).toBeVisible());
    await expect(dialog.getByRole('button', { name: t('cancel') })).toHaveFocus();
  },
};
export const ConfirmResetEnglish = english(ConfirmReset);

/** The browser's storage refuses to write: the reader is told. */
export const SaveFailed: Story = {
  beforeEach: expectWarnings,
  args: { world: { sync: SITES, failWrites: true } },
  play: async ({ canvasElement, globals }) => {
    const t = messageOf(globals);
    const ui = await ready(canvasElement);
    ui.getByRole('checkbox', { name: t('spacing') }).click();
    await written();
    await waitFor(() => expect(ui.getByRole('status')).toHaveTextContent(t('saveFailed')));
    await expect(console.warn).toHaveBeenCalledWith('Accessible Reader: could not save the settings.', expect.any(Error));
  },
};
export const SaveFailedEnglish = english(SaveFailed);
