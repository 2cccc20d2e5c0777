import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, within } from 'storybook/test';
import '@accessible-reader/components/font-size/define.js';
import '@accessible-reader/components/contrast-toggle/define.js';
import '@accessible-reader/components/rating/define.js';
import '@accessible-reader/components/related-articles/define.js';
import type { ArContrastToggle, ArFontSize, ArRating, ArRelatedArticles, RatingSubmitDetail } from '@accessible-reader/components';
import { relatedItems } from './support/content';
import { govArticle, siteUrl, type GovArticle } from './support/gov-article';
import { english, get, inShadow, ownColours, settle } from './support/helpers';
import './support/gov-page.css';

interface PageArgs {
  /** The text size the reader chose, in percent (the value of <ar-font-size>). */
  textSize: number;
  /** Whether the reader turned high contrast on (<ar-contrast-toggle pressed>). */
  highContrast: boolean;
}

type Story = StoryObj<PageArgs>;

/** Votes are answered in the page, so the rating works in Storybook without a server. */
const acceptVote = (event: CustomEvent<RatingSubmitDetail>) => event.detail.respondWith(Promise.resolve({ average: 4.6, count: 58 }));

const page = (a: GovArticle, args: PageArgs) => html`
  <div class="gov-page">
    <header class="gov-header">
      <!-- Inside the banner, so the page has no content outside landmarks; still the first thing Tab reaches. -->
      <a class="gov-skip" href="#noi-dung">${a.skip}</a>
      <div class="gov-header__inner">
        <span class="gov-emblem" aria-hidden="true">★</span>
        <div>
          <p class="gov-portal">${a.portal}</p>
          <p class="gov-ward">${a.ward}</p>
        </div>
      </div>
      <nav class="gov-nav" aria-label=${a.menuLabel}>
        <ul>
          ${a.menu.map(
            (item, i) => html`<li><a href=${siteUrl(i ? `muc-${i}.html` : '')} aria-current=${i === 2 ? 'page' : 'false'}>${item}</a></li>`,
          )}
        </ul>
      </nav>
    </header>
    <main id="noi-dung" class="gov-main" tabindex="-1">
      <nav class="gov-breadcrumb" aria-label=${a.breadcrumbLabel}>
        <ol>
          ${a.breadcrumb.map((item, i) => html`<li><a href=${siteUrl(i ? `tin-tuc/muc-${i}.html` : '')}>${item}</a></li>`)}
        </ol>
      </nav>
      <article class="gov-article" aria-labelledby="tieu-de">
        <h1 id="tieu-de">${a.title}</h1>
        <p class="gov-meta">
          ${a.meta.updatedLabel}: <time datetime=${a.meta.datetime}>${a.meta.updated}</time> · ${a.meta.source}
        </p>
        <div class="gov-tools" role="group" aria-label=${a.tools}>
          <ar-font-size value=${args.textSize}></ar-font-size>
          <ar-contrast-toggle ?pressed=${args.highContrast}></ar-contrast-toggle>
        </div>
        <p class="gov-lead">${a.lead}</p>
        ${a.body.map((p) => html`<p>${p}</p>`)}
        <figure class="gov-figure">
          <img src=${a.figure.src} alt=${a.figure.alt} width="320" height="240" />
          <figcaption>${a.figure.caption}</figcaption>
        </figure>
        <h2>${a.resultsHeading}</h2>
        <ul>
          ${a.results.map((r) => html`<li>${r}</li>`)}
        </ul>
        <p>${a.closing}</p>
        <p class="gov-author">${a.author}</p>
        <div class="gov-rating">
          <ar-rating average="4.6" count="57" @ar-rating-submit=${acceptVote}></ar-rating>
        </div>
      </article>
      <ar-related-articles .items=${a.related}></ar-related-articles>
    </main>
    <footer class="gov-footer">
      <div class="gov-footer__inner">
        ${a.footer.map((line) => html`<p>${line}</p>`)}
        <p>${a.fiction}</p>
      </div>
    </footer>
  </div>
`;

/**
 * All four components on a page like a ward's news article, judged together: one main landmark, headings in
 * order, no duplicate names, every control reachable, in Vietnamese (or English with the language switch).
 */
const meta = {
  title: 'Pages/Sample government article',
  tags: ['!autodocs'],
  parameters: { frame: 'bare', docs: { story: { height: '900px' } } },
  args: { textSize: 100, highContrast: false },
  argTypes: {
    textSize: { control: { type: 'range', min: 80, max: 200, step: 10 } },
    highContrast: { control: 'boolean' },
  },
  render: (args, { globals }) => {
    const lang = globals.lang === 'en' ? 'en' : 'vi';
    return page(govArticle(lang, relatedItems(lang)), args);
  },
} satisfies Meta<PageArgs>;

export default meta;

const parts = (root: HTMLElement) => ({
  fontSize: get<ArFontSize>(root, 'ar-font-size'),
  contrast: get<ArContrastToggle>(root, 'ar-contrast-toggle'),
  rating: get<ArRating>(root, 'ar-rating'),
  related: get<ArRelatedArticles>(root, 'ar-related-articles'),
  lead: get(root, '.gov-lead'),
});

/** The page as a reader first sees it; A+ makes the article text really larger, A puts it back. */
export const SampleArticle: Story = {
  play: async ({ canvasElement, step }) => {
    const p = parts(canvasElement);
    const page = within(canvasElement);
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    await expect(page.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    await expect(p.related.status).toBe('ready');
    await expect(p.rating.status).toBe('idle');

    await step('A+ enlarges the article text by 10%, A restores it', async () => {
      const before = parseFloat(getComputedStyle(p.lead).fontSize);
      await userEvent.click(inShadow(p.fontSize).getByRole('button', { name: /^A\+/ }));
      await settle(p.fontSize);
      await expect(parseFloat(getComputedStyle(p.lead).fontSize)).toBeCloseTo(before * 1.1, 1);
      await userEvent.click(inShadow(p.fontSize).getByRole('button', { name: /^A / }));
      await settle(p.fontSize);
      await expect(parseFloat(getComputedStyle(p.lead).fontSize)).toBeCloseTo(before, 1);
    });
  },
};

/**
 * At 200% text (WCAG 1.4.4) the page reflows into one column: nothing is cut off and there is no sideways
 * scrolling (1.4.10), even in the narrow test viewport.
 */
export const At200Percent: Story = {
  args: { textSize: 200 },
  play: async ({ canvasElement }) => {
    const p = parts(canvasElement);
    await settle(p.fontSize);
    await expect(document.documentElement.style.fontSize).toBe('200%');
    await expect(inShadow(p.fontSize).getByRole('button', { name: /^A\+/ })).toHaveAttribute('aria-disabled', 'true');
    const root = document.scrollingElement ?? document.documentElement;
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
  },
};

/** High contrast on: black text on white everywhere, the red header included; links stay blue and underlined. */
export const HighContrast: Story = {
  args: { highContrast: true },
  play: async ({ canvasElement, globals }) => {
    const p = parts(canvasElement);
    await settle(p.contrast);
    await expect(document.documentElement).toHaveAttribute('data-ar-contrast', 'high');
    await expect(inShadow(p.contrast).getByRole('button')).toHaveAttribute('aria-pressed', 'true');
    await expect(getComputedStyle(get(canvasElement, '.gov-breadcrumb a')).textDecorationLine).toBe('underline');
    if (!ownColours(globals)) return;
    await expect(getComputedStyle(p.lead).color).toBe('rgb(0, 0, 0)');
    await expect(getComputedStyle(get(canvasElement, '.gov-header')).backgroundColor).toBe('rgb(255, 255, 255)');
  },
};

export const SampleArticleEnglish: Story = english(SampleArticle);
export const At200PercentEnglish: Story = english(At200Percent);
export const HighContrastEnglish: Story = english(HighContrast);
