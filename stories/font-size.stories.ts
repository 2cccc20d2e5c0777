import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';
import '@accessible-reader/components/font-size/define.js';
import type { ArFontSize } from '@accessible-reader/components';
import { fontSizeStrings } from '@accessible-reader/components/font-size/font-size.strings.js';
import { english, get, inShadow, settle } from './support/helpers';
import { press } from './support/keyboard';
import { articleText } from './support/content';

interface FontSizeArgs {
  value: number;
  min: number;
  max: number;
  step: number;
  target: string;
}

type Story = StoryObj<FontSizeArgs>;

const meta = {
  title: 'Components/Font size',
  component: 'ar-font-size',
  parameters: { heading: { vi: 'Cỡ chữ (ar-font-size)', en: 'Text size (ar-font-size)' }, docs: { story: { height: '300px' } } },
  args: { value: 100, min: 80, max: 200, step: 10, target: '' },
  argTypes: {
    value: { control: { type: 'range', min: 50, max: 300, step: 10 } },
    target: { control: 'text' },
  },
  render: (args, { globals }) => html`
    <ar-font-size value=${args.value} min=${args.min} max=${args.max} step=${args.step} target=${args.target}></ar-font-size>
    <p class="ar-sample">${articleText(globals.lang === 'en' ? 'en' : 'vi').lead}</p>
  `,
} satisfies Meta<FontSizeArgs>;

export default meta;

/** Button names and announcement in the story's language, from the component's own strings. */
const t = (globals: Record<string, unknown>) => fontSizeStrings[globals.lang === 'en' ? 'en' : 'vi'];

/** 100%: the three buttons, A+ enlarges the page, A goes back to the default; keyboard only. */
export const Default: Story = {
  play: async ({ canvasElement, globals, step }) => {
    const el = get<ArFontSize>(canvasElement, 'ar-font-size');
    const s = t(globals);
    const ui = inShadow(el);
    await expect(ui.getByRole('group', { name: s.group })).toBeVisible();
    const larger = ui.getByRole('button', { name: `A+ ${s.larger}` });
    const reset = ui.getByRole('button', { name: `A ${s.reset}` });
    await expect(ui.getByRole('button', { name: `A- ${s.smaller}` })).toBeVisible();

    await step('Enter on A+ enlarges the whole page by one step and announces it', async () => {
      larger.focus();
      await press('Enter');
      await settle(el);
      await expect(el.value).toBe(110);
      await expect(document.documentElement.style.fontSize).toBe('110%');
      await expect(ui.getByRole('status')).toHaveTextContent(s.announce('110%'));
    });
    await step('Space on A returns to the default size', async () => {
      reset.focus();
      await press('Space');
      await settle(el);
      await expect(el.value).toBe(100);
      await expect(document.documentElement.style.fontSize).toBe('');
    });
  },
};

/** At the minimum, A- stays in the tab order (aria-disabled, not disabled) and does nothing. */
export const Minimum: Story = {
  args: { value: 80 },
  play: async ({ canvasElement, globals }) => {
    const el = get<ArFontSize>(canvasElement, 'ar-font-size');
    const smaller = inShadow(el).getByRole('button', { name: `A- ${t(globals).smaller}` });
    await expect(smaller).toHaveAttribute('aria-disabled', 'true');
    smaller.focus();
    await expect(el.shadowRoot?.activeElement).toBe(smaller);
    await press('Enter');
    await settle(el);
    await expect(el.value).toBe(80);
    await expect(document.documentElement.style.fontSize).toBe('80%');
  },
};

/** At the maximum (200%), A+ is marked unavailable but still focusable, so a screen reader user hears why. */
export const Maximum: Story = {
  args: { value: 200 },
  play: async ({ canvasElement, globals }) => {
    const el = get<ArFontSize>(canvasElement, 'ar-font-size');
    const ui = inShadow(el);
    await expect(ui.getByRole('button', { name: `A+ ${t(globals).larger}` })).toHaveAttribute('aria-disabled', 'true');
    await expect(ui.getByRole('button', { name: `A- ${t(globals).smaller}` })).toHaveAttribute('aria-disabled', 'false');
    await expect(document.documentElement.style.fontSize).toBe('200%');
  },
};

/** Pressing A+ from 170% until it stops: 180, 190, 200, then aria-disabled and no further change. */
export const IncreaseToMaximum: Story = {
  args: { value: 170 },
  play: async ({ canvasElement, globals }) => {
    const el = get<ArFontSize>(canvasElement, 'ar-font-size');
    const larger = inShadow(el).getByRole('button', { name: `A+ ${t(globals).larger}` });
    const changes: number[] = [];
    el.addEventListener('change', () => changes.push(el.value));
    for (const expected of [180, 190, 200]) {
      await expect(larger).toHaveAttribute('aria-disabled', 'false');
      await userEvent.click(larger);
      await settle(el);
      await expect(el.value).toBe(expected);
    }
    await expect(larger).toHaveAttribute('aria-disabled', 'true');
    // The button is still there for a reader to press; pressing it changes nothing.
    larger.click();
    await settle(el);
    await expect(el.value).toBe(200);
    await expect(changes).toEqual([180, 190, 200]);
    await expect(document.documentElement.style.fontSize).toBe('200%');
  },
};

/** `target` resizes only the article, not the page around it (for a control placed inside one article). */
export const WithTarget: Story = {
  args: { value: 150, target: '#ar-story-article' },
  render: (args, { globals }) => {
    const text = articleText(globals.lang === 'en' ? 'en' : 'vi');
    return html`
      <ar-font-size value=${args.value} min=${args.min} max=${args.max} step=${args.step} target=${args.target}></ar-font-size>
      <p class="ar-sample ar-sample--muted">${text.outside}</p>
      <article id="ar-story-article" class="ar-sample-article" aria-labelledby="ar-story-article-title">
        <h2 id="ar-story-article-title">${text.title}</h2>
        <p>${text.lead}</p>
      </article>
    `;
  },
  play: async ({ canvasElement, globals }) => {
    const el = get<ArFontSize>(canvasElement, 'ar-font-size');
    const article = get(canvasElement, '#ar-story-article');
    await expect(article.style.fontSize).toBe('150%');
    await expect(document.documentElement.style.fontSize).toBe('');
    await userEvent.click(inShadow(el).getByRole('button', { name: `A+ ${t(globals).larger}` }));
    await settle(el);
    await expect(article.style.fontSize).toBe('160%');
    await expect(article.style.getPropertyValue('--ar-font-scale')).toBe('1.6');
  },
};

export const DefaultEnglish: Story = english(Default);
export const MinimumEnglish: Story = english(Minimum);
export const MaximumEnglish: Story = english(Maximum);
export const IncreaseToMaximumEnglish: Story = english(IncreaseToMaximum);
export const WithTargetEnglish: Story = english(WithTarget);
