import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, userEvent } from 'storybook/test';
import '@accessible-reader/components/rating/define.js';
import type { ArRating, RatingSubmitDetail, RatingSummary } from '@accessible-reader/components';
import { ratingStrings } from '@accessible-reader/components/rating/rating.strings.js';
import { english, get, inShadow, settle } from './support/helpers';
import { press } from './support/keyboard';

/** How the story answers a vote, through `ar-rating-submit`'s `detail.respondWith()`: no network involved. */
type Answer = 'none' | 'never' | 'accept' | 'fail';

interface RatingArgs {
  value: number;
  max: number;
  average: number;
  count: number;
  readonly: boolean;
  disabled: boolean;
  storageKey: string;
  answer: Answer;
}

type Story = StoryObj<RatingArgs>;

/** The summary a server would send back after one more vote. */
const AFTER_VOTE: RatingSummary = { average: 4.3, count: 129 };

function answer(kind: Answer) {
  if (kind === 'none') return undefined;
  return (event: CustomEvent<RatingSubmitDetail>) =>
    event.detail.respondWith(
      kind === 'never'
        ? new Promise<void>(() => {}) // a server that has not answered yet: the "sending" state stays on screen
        : kind === 'accept'
          ? Promise.resolve(AFTER_VOTE)
          : Promise.reject(new Error('The server refused the vote')),
    );
}

const meta = {
  title: 'Components/Rating',
  component: 'ar-rating',
  parameters: { heading: { vi: 'Đánh giá bài viết (ar-rating)', en: 'Article rating (ar-rating)' }, docs: { story: { height: '340px' } } },
  args: { value: 0, max: 5, average: 4.2, count: 128, readonly: false, disabled: false, storageKey: '', answer: 'none' },
  argTypes: {
    answer: {
      description: 'Story only: how the vote is answered through `detail.respondWith()` (none: the vote is only recorded).',
      control: 'inline-radio',
      options: ['none', 'never', 'accept', 'fail'],
      table: { category: 'story' },
    },
  },
  render: (args) => html`<ar-rating
    value=${args.value}
    max=${args.max}
    average=${args.average}
    count=${args.count}
    ?readonly=${args.readonly}
    ?disabled=${args.disabled}
    storage-key=${args.storageKey || nothing}
    @ar-rating-submit=${answer(args.answer)}
  ></ar-rating>`,
} satisfies Meta<RatingArgs>;

export default meta;

const strings = (globals: Record<string, unknown>) => ratingStrings[globals.lang === 'en' ? 'en' : 'vi'];
const starName = (globals: Record<string, unknown>, n: number) => strings(globals).stars(n, String(n));
const summaryOf = (el: ArRating) => get(el.shadowRoot!, '[part=summary]');

/** Chooses `stars` with the mouse and sends the vote with the button; returns the number of submit events. */
async function vote(el: ArRating, globals: Record<string, unknown>, stars: number): Promise<() => number> {
  let submits = 0;
  el.addEventListener('ar-rating-submit', () => submits++);
  const ui = inShadow(el);
  await userEvent.click(ui.getByRole('radio', { name: starName(globals, stars) }));
  await userEvent.click(ui.getByRole('button', { name: strings(globals).submit }));
  await settle(el);
  return () => submits;
}

/** No ratings yet: its own wording instead of "0 from 0 ratings"; five unchecked stars and the send button. */
export const Empty: Story = {
  args: { average: 0, count: 0 },
  play: async ({ canvasElement, globals }) => {
    const el = get<ArRating>(canvasElement, 'ar-rating');
    const ui = inShadow(el);
    await expect(summaryOf(el)).toHaveTextContent(strings(globals).none);
    await expect(ui.getByRole('group', { name: strings(globals).legend })).toBeVisible();
    const radios = ui.getAllByRole('radio');
    await expect(radios.map((r) => (r as HTMLInputElement).checked)).toEqual([false, false, false, false, false]);
    // The real radio covers its star with opacity 0: the star is what is seen, the radio what is named.
    await expect(ui.getByRole('radio', { name: starName(globals, 1) })).toBeInTheDocument();
    await expect(ui.getByRole('button', { name: strings(globals).submit })).toBeVisible();
  },
};

/**
 * With an average: "4,2/5 from 128 ratings" in the reader's number format. Keyboard, as on any radio group:
 * Space chooses the focused star, the arrows move and choose; choosing sends nothing.
 */
export const WithAverage: Story = {
  play: async ({ canvasElement, globals, step }) => {
    const el = get<ArRating>(canvasElement, 'ar-rating');
    const ui = inShadow(el);
    const s = strings(globals);
    await expect(summaryOf(el)).toHaveTextContent(s.summary(globals.lang === 'en' ? '4.2' : '4,2', '5', 128, '128'));
    const chosen: number[] = [];
    let submits = 0;
    el.addEventListener('change', () => chosen.push(el.value));
    el.addEventListener('ar-rating-submit', () => submits++);

    await step('Space on the first star chooses 1 star', async () => {
      ui.getByRole('radio', { name: starName(globals, 1) }).focus();
      await press('Space');
      await settle(el);
      await expect(el.value).toBe(1);
    });
    await step('ArrowRight three times: 4 stars; ArrowLeft once: 3 stars', async () => {
      for (let i = 0; i < 3; i++) await press('ArrowRight');
      await settle(el);
      await expect(el.value).toBe(4);
      await expect(ui.getByRole('radio', { name: starName(globals, 4) })).toBeChecked();
      await press('ArrowLeft');
      await settle(el);
      await expect(el.value).toBe(3);
      await expect(ui.getByRole('radio', { name: starName(globals, 3) })).toBeChecked();
      await expect(el.shadowRoot?.activeElement).toBe(ui.getByRole('radio', { name: starName(globals, 3) }));
    });
    await expect(chosen).toEqual([1, 2, 3, 4, 3]);
    await expect(submits).toBe(0);
  },
};

/** `readonly`: only the summary, as text a screen reader reads in one go; no radios, no button. */
export const Readonly: Story = {
  args: { readonly: true, average: 3.6, count: 42 },
  play: async ({ canvasElement, globals }) => {
    const el = get<ArRating>(canvasElement, 'ar-rating');
    await expect(summaryOf(el)).toHaveTextContent(strings(globals).summary(globals.lang === 'en' ? '3.6' : '3,6', '5', 42, '42'));
    await expect(inShadow(el).queryAllByRole('radio')).toHaveLength(0);
    await expect(inShadow(el).queryByRole('button')).toBeNull();
  },
};

/** `disabled`: the summary stays readable, the stars and the button cannot be used. */
export const Disabled: Story = {
  args: { disabled: true, value: 3 },
  play: async ({ canvasElement, globals }) => {
    const el = get<ArRating>(canvasElement, 'ar-rating');
    const ui = inShadow(el);
    for (const radio of ui.getAllByRole('radio')) await expect(radio).toBeDisabled();
    await expect(ui.getByRole('button', { name: strings(globals).submit })).toBeDisabled();
  },
};

/** Sending: the button says so and is marked unavailable; pressing it again sends nothing more. */
export const Submitting: Story = {
  args: { answer: 'never' },
  play: async ({ canvasElement, globals }) => {
    const el = get<ArRating>(canvasElement, 'ar-rating');
    const submits = await vote(el, globals, 4);
    const button = inShadow(el).getByRole('button', { name: strings(globals).sending });
    await expect(el.status).toBe('submitting');
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(get(el.shadowRoot!, 'fieldset')).toHaveAttribute('aria-busy', 'true');
    button.click();
    await press('Enter');
    await settle(el);
    await expect(submits()).toBe(1);
  },
};

/** Sent: the summary shows the new average, the reader is thanked in a live region and sees their own rating. */
export const Sent: Story = {
  args: { answer: 'accept' },
  play: async ({ canvasElement, globals }) => {
    const el = get<ArRating>(canvasElement, 'ar-rating');
    let detail: unknown;
    el.addEventListener('ar-rating-success', (e) => (detail = (e as CustomEvent).detail));
    await vote(el, globals, 5);
    await settle(el);
    await expect(el.status).toBe('sent');
    await expect(summaryOf(el)).toHaveTextContent(strings(globals).summary(globals.lang === 'en' ? '4.3' : '4,3', '5', 129, '129'));
    await expect(inShadow(el).getByRole('status')).toHaveTextContent(strings(globals).thanks);
    await expect(inShadow(el).queryAllByRole('radio')).toHaveLength(0);
    await expect(detail).toMatchObject({ value: 5, ...AFTER_VOTE });
  },
};

/** Error: a clear message in the live region, "try again", and the chosen stars are kept. */
export const Failed: Story = {
  args: { answer: 'fail' },
  play: async ({ canvasElement, globals }) => {
    const el = get<ArRating>(canvasElement, 'ar-rating');
    await vote(el, globals, 2);
    await settle(el);
    const ui = inShadow(el);
    await expect(el.status).toBe('error');
    await expect(ui.getByRole('status')).toHaveTextContent(strings(globals).error);
    await expect(ui.getByRole('button', { name: strings(globals).retry })).toBeVisible();
    await expect(el.value).toBe(2);
    await expect(ui.getByRole('radio', { name: starName(globals, 2) })).toBeChecked();
  },
};

const REMEMBERED_KEY = 'ar-storybook-rating-remembered';

/** `storage-key`: a reader who already voted on this article sees their rating instead of the stars. */
export const AlreadyRated: Story = {
  args: { storageKey: REMEMBERED_KEY },
  beforeEach: () => {
    // Only this story writes this key, and it removes it when the story is left.
    localStorage.setItem(REMEMBERED_KEY, '4');
    return () => localStorage.removeItem(REMEMBERED_KEY);
  },
  play: async ({ canvasElement }) => {
    const el = get<ArRating>(canvasElement, 'ar-rating');
    await expect(el.status).toBe('sent');
    await expect(el.value).toBe(4);
    await expect(inShadow(el).queryAllByRole('radio')).toHaveLength(0);
  },
};

/** Inside a `<form>` with `name`: the chosen stars are submitted with the form, like a native field. */
export const InAForm: Story = {
  render: (args, { globals }) => {
    const show = (event: SubmitEvent) => {
      event.preventDefault(); // stay on the story
      const form = event.target as HTMLFormElement;
      form.querySelector('output')!.value = `diem=${new FormData(form).get('diem') ?? ''}`;
    };
    return html`<form @submit=${show} aria-label=${globals.lang === 'en' ? 'Feedback form' : 'Biểu mẫu góp ý'}>
      <ar-rating name="diem" average=${args.average} count=${args.count}></ar-rating>
      <p><output aria-live="polite"></output></p>
    </form>`;
  },
  play: async ({ canvasElement, globals }) => {
    const el = get<ArRating>(canvasElement, 'ar-rating');
    await vote(el, globals, 3);
    await expect(get(canvasElement, 'output')).toHaveTextContent('diem=3');
  },
};

export const EmptyEnglish: Story = english(Empty);
export const WithAverageEnglish: Story = english(WithAverage);
export const ReadonlyEnglish: Story = english(Readonly);
export const DisabledEnglish: Story = english(Disabled);
export const SubmittingEnglish: Story = english(Submitting);
export const SentEnglish: Story = english(Sent);
export const FailedEnglish: Story = english(Failed);
export const AlreadyRatedEnglish: Story = english(AlreadyRated);
export const InAFormEnglish: Story = english(InAForm);
