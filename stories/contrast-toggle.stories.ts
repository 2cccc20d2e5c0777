import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';
import '@accessible-reader/components/contrast-toggle/define.js';
import type { ArContrastToggle, ContrastMode } from '@accessible-reader/components';
import { contrastStrings } from '@accessible-reader/components/contrast-toggle/contrast-toggle.strings.js';
import { articleText } from './support/content';
import { english, get, inShadow, ownColours, settle } from './support/helpers';
import { press } from './support/keyboard';

interface ContrastArgs {
  pressed: boolean;
  mode: ContrastMode;
  target: string;
}

type Story = StoryObj<ContrastArgs>;

const sample = (lang: 'vi' | 'en') => {
  const text = articleText(lang);
  return html`<article id="ar-story-article" class="ar-sample-article" aria-labelledby="ar-story-article-title">
    <h2 id="ar-story-article-title">${text.title}</h2>
    <p>${text.lead}</p>
    <p><a href="#ar-story-article">${text.link}</a></p>
  </article>`;
};

const meta = {
  title: 'Components/Contrast toggle',
  component: 'ar-contrast-toggle',
  parameters: { heading: { vi: 'Tương phản (ar-contrast-toggle)', en: 'Contrast (ar-contrast-toggle)' }, docs: { story: { height: '420px' } } },
  args: { pressed: false, mode: 'high', target: '' },
  argTypes: {
    mode: { control: 'inline-radio', options: ['high', 'dark', 'yellow'] },
    pressed: { control: 'boolean' },
    target: { control: 'text' },
  },
  render: (args, { globals }) => html`
    <ar-contrast-toggle ?pressed=${args.pressed} mode=${args.mode} target=${args.target}></ar-contrast-toggle>
    ${sample(globals.lang === 'en' ? 'en' : 'vi')}
  `,
} satisfies Meta<ContrastArgs>;

export default meta;

const label = (globals: Record<string, unknown>) => contrastStrings[globals.lang === 'en' ? 'en' : 'vi'].label;

/** Off: the page keeps its own colours. Space turns the theme on, Enter turns it off again; the label never changes. */
export const Off: Story = {
  play: async ({ canvasElement, globals, step }) => {
    const el = get<ArContrastToggle>(canvasElement, 'ar-contrast-toggle');
    const button = inShadow(el).getByRole('button', { name: label(globals) });
    const root = document.documentElement;
    let changes = 0;
    el.addEventListener('change', () => changes++);
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await expect(root).not.toHaveAttribute('data-ar-contrast');

    await step('Space presses the toggle: aria-pressed and the theme on the page', async () => {
      button.focus();
      await press('Space');
      await settle(el);
      await expect(button).toHaveAttribute('aria-pressed', 'true');
      await expect(root).toHaveAttribute('data-ar-contrast', 'high');
      if (ownColours(globals)) await expect(getComputedStyle(get(canvasElement, 'h2')).color).toBe('rgb(0, 0, 0)');
    });
    await step('Enter releases it: the page gets its colours back', async () => {
      await press('Enter');
      await settle(el);
      await expect(button).toHaveAttribute('aria-pressed', 'false');
      await expect(root).not.toHaveAttribute('data-ar-contrast');
    });
    await expect(button).toHaveAccessibleName(label(globals));
    await expect(changes).toBe(2);
  },
};

/** A check that the pressed theme is on the page, with the expected text and background colours. */
const themed =
  (mode: ContrastMode, text: string, background: string): Story['play'] =>
  async ({ canvasElement, globals }) => {
    const el = get<ArContrastToggle>(canvasElement, 'ar-contrast-toggle');
    const button = inShadow(el).getByRole('button', { name: label(globals) });
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(document.documentElement).toHaveAttribute('data-ar-contrast', mode);
    if (ownColours(globals)) {
      const heading = getComputedStyle(get(canvasElement, 'h2'));
      await expect(heading.color).toBe(text);
      await expect(heading.backgroundColor).toBe(background);
    }
    // Turning it off and on again with the mouse restores exactly this mode.
    await userEvent.click(button);
    await expect(document.documentElement).not.toHaveAttribute('data-ar-contrast');
    await userEvent.click(button);
    await expect(document.documentElement).toHaveAttribute('data-ar-contrast', mode);
  };

/** `mode="high"` (default): black text on white, links dark blue and underlined. */
export const High: Story = { args: { pressed: true, mode: 'high' }, play: themed('high', 'rgb(0, 0, 0)', 'rgb(255, 255, 255)') };

/** `mode="dark"`: white text on black, for readers dazzled by white pages. */
export const Dark: Story = { args: { pressed: true, mode: 'dark' }, play: themed('dark', 'rgb(255, 255, 255)', 'rgb(0, 0, 0)') };

/** `mode="yellow"`: yellow text on black, the classic low-vision scheme. */
export const Yellow: Story = { args: { pressed: true, mode: 'yellow' }, play: themed('yellow', 'rgb(255, 255, 0)', 'rgb(0, 0, 0)') };

/** `target` themes only the article (e.g. a toggle placed inside one article); the rest of the page is unchanged. */
export const WithTarget: Story = {
  args: { pressed: true, mode: 'dark', target: '#ar-story-article' },
  play: async ({ canvasElement }) => {
    const article = get(canvasElement, '#ar-story-article');
    await expect(article).toHaveAttribute('data-ar-contrast', 'dark');
    await expect(document.documentElement).not.toHaveAttribute('data-ar-contrast');
    await expect(getComputedStyle(article).backgroundColor).toBe('rgb(0, 0, 0)');
  },
};

export const OffEnglish: Story = english(Off);
export const HighEnglish: Story = english(High);
export const DarkEnglish: Story = english(Dark);
export const YellowEnglish: Story = english(Yellow);
export const WithTargetEnglish: Story = english(WithTarget);
