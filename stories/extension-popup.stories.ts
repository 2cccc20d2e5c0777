// The fake browser first: the extension's modules read `browser` once, when they load.
import './support/fake-browser';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor, within } from 'storybook/test';
import html from '../extension/entrypoints/popup/index.html?raw';
import css from '../extension/entrypoints/popup/style.css?inline';
import { startPopup } from '../extension/entrypoints/popup/popup';
import { storedNow } from './support/fake-browser';
import { mountPage, removePageStyles, written, type ExtensionPage, type PageWorld } from './support/extension-page';
import { english, expectWarnings } from './support/helpers';
import { messageOf, storyLang } from './support/messages';

const GOV = 'https://ubnd.phuong-hoa-binh.gov.vn/tin-tuc/ra-quan-tong-ve-sinh.html';
const OTHER = 'https://baomoi.example/bai-viet/123.html';
const BIG = { fontScale: 2, contrast: 'yellow', spacing: 'wcag', font: 'page', hideClutter: true, toolbar: true, minFontSize: 20, minContrast: 4.5 };

type Story = StoryObj<{ world: PageWorld }>;

/**
 * The popup of the toolbar button, as Chrome shows it (at most 800 x 600 px: it fits in every state). Each story is a
 * state of the reader's current tab; the popup's own code runs on an in-memory browser.
 */
const meta = {
  title: 'Extension/Popup',
  parameters: { frame: 'bare', layout: 'fullscreen' },
  args: { world: { tab: { id: 7, url: GOV } } },
  argTypes: { world: { control: false } },
  render: (args, { globals }) => mountPage(html, css, storyLang(globals), args.world, startPopup),
  beforeEach: () => removePageStyles,
} satisfies Meta<{ world: PageWorld }>;
export default meta;

const ready = async (canvasElement: HTMLElement) => {
  await (canvasElement.querySelector('.ext-page') as ExtensionPage).ready;
  return within(canvasElement);
};

/** A government site, on: the shared settings; A+ changes them for every government site. */
export const GovernmentSite: Story = {
  play: async ({ canvasElement, globals, step }) => {
    const t = messageOf(globals);
    const ui = await ready(canvasElement);
    await expect(ui.getByRole('switch', { name: t('siteOn') })).toBeChecked();
    await expect(ui.getByRole('checkbox', { name: t('scopeSite') })).not.toBeChecked();
    await expect(ui.getByText(t('scopeHintShared'))).toBeVisible();
    await step('A+ and a colour: saved once, as the settings of every government site', async () => {
      const size = canvasElement.querySelector('arx-font-size')!.shadowRoot!;
      size.querySelector<HTMLButtonElement>('[part~=increase]')!.click();
      ui.getByRole('radio', { name: t('contrastYellow') }).click();
      await written();
      await waitFor(() => expect(storedNow().sync.defaults).toMatchObject({ fontScale: 1.25, contrast: 'yellow' }));
      await expect(storedNow().sync).not.toHaveProperty('site:ubnd.phuong-hoa-binh.gov.vn');
    });
  },
};
export const GovernmentSiteEnglish = english(GovernmentSite);

/** "Only this site": this portal keeps 200 % yellow; the others keep the shared choice. */
export const GovernmentSiteOnlyThisSite: Story = {
  args: { world: { tab: { id: 7, url: GOV }, sync: { 'site:ubnd.phuong-hoa-binh.gov.vn': { settings: BIG } } } },
  play: async ({ canvasElement, globals }) => {
    const t = messageOf(globals);
    const ui = await ready(canvasElement);
    await expect(ui.getByRole('checkbox', { name: t('scopeSite') })).toBeChecked();
    await expect(ui.getByRole('radio', { name: t('contrastYellow') })).toBeChecked();
    await expect(ui.getByText(t('scopeHintOwn'))).toBeVisible();
  },
};
export const GovernmentSiteOnlyThisSiteEnglish = english(GovernmentSiteOnlyThisSite);

/** Turned off on this government site: only the switch, and why nothing else shows. */
export const GovernmentSiteOff: Story = {
  args: { world: { tab: { id: 7, url: GOV }, sync: { 'site:ubnd.phuong-hoa-binh.gov.vn': { enabled: false } } } },
  play: async ({ canvasElement, globals }) => {
    const t = messageOf(globals);
    const ui = await ready(canvasElement);
    await expect(ui.getByRole('switch', { name: t('siteOn') })).not.toBeChecked();
    await expect(ui.getByText(t('offHere'))).toBeVisible();
    await expect(ui.queryByRole('radio', { name: t('contrastYellow') })).toBeNull();
  },
};
export const GovernmentSiteOffEnglish = english(GovernmentSiteOff);

/** Another site, not turned on: the browser will ask for that one site's permission. */
export const OtherSiteOff: Story = {
  args: { world: { tab: { id: 7, url: OTHER }, permitted: false } },
  play: async ({ canvasElement, globals }) => {
    const t = messageOf(globals);
    const ui = await ready(canvasElement);
    await expect(ui.getByRole('switch', { name: t('siteOn') })).not.toBeChecked();
    await expect(ui.getByText(t('siteOnHintOther'))).toBeVisible();
  },
};
export const OtherSiteOffEnglish = english(OtherSiteOff);

/** Another site, turned on: its settings are its own, no "only this site" to choose. */
export const OtherSiteOn: Story = {
  args: { world: { tab: { id: 7, url: OTHER }, permitted: true, sync: { 'site:baomoi.example': { enabled: true, settings: BIG } } } },
  play: async ({ canvasElement, globals }) => {
    const t = messageOf(globals);
    const ui = await ready(canvasElement);
    await expect(ui.getByRole('switch', { name: t('siteOn') })).toBeChecked();
    await expect(ui.getByText(t('scopeOther'))).toBeVisible();
    await expect(ui.queryByRole('checkbox', { name: t('scopeSite') })).toBeNull();
  },
};
export const OtherSiteOnEnglish = english(OtherSiteOn);

/** A page the reader cannot work on (the browser's own pages, files). */
export const Unavailable: Story = {
  args: { world: { tab: { id: 7 } } },
  play: async ({ canvasElement, globals }) => {
    const t = messageOf(globals);
    const ui = await ready(canvasElement);
    await expect(ui.getByText(t('notAvailable'))).toBeVisible();
    await expect(ui.queryByRole('switch')).toBeNull();
  },
};
export const UnavailableEnglish = english(Unavailable);

/** The browser's storage refuses to write: the reader is told, in the status line. */
export const SaveFailed: Story = {
  beforeEach: expectWarnings,
  args: { world: { tab: { id: 7, url: GOV }, failWrites: true } },
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

/** Sync storage is full: the change is kept on this computer, and the popup says so. */
export const SyncFull: Story = {
  args: { world: { tab: { id: 7, url: GOV }, syncFull: true } },
  play: async ({ canvasElement, globals }) => {
    const t = messageOf(globals);
    const ui = await ready(canvasElement);
    ui.getByRole('radio', { name: t('contrastDark') }).click();
    await written();
    await waitFor(() => expect(ui.getByRole('status')).toHaveTextContent(t('savedLocal')));
    await expect(storedNow().local.defaults).toMatchObject({ contrast: 'dark' });
  },
};
export const SyncFullEnglish = english(SyncFull);
