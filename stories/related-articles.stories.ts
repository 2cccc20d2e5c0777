import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@accessible-reader/components/related-articles/define.js';
import type { ArRelatedArticles, RelatedArticle } from '@accessible-reader/components';
import { relatedStrings } from '@accessible-reader/components/related-articles/related-articles.strings.js';
import { articleText, longFeed, relatedItems, relatedWithImages } from './support/content';
import { english, expectWarnings, get, inShadow, settle } from './support/helpers';

interface RelatedArgs {
  items: RelatedArticle[] | null;
  src: string;
  max: number;
  heading: string;
  headingLevel: number;
  timeout: number;
}

type Story = StoryObj<RelatedArgs>;
type Globals = Record<string, unknown>;

/** Thumbnails served with this Storybook (staticDirs), as relative URLs like a portal's own images. */
const images = { trees: 'data/images/thumb-trees.svg', meeting: 'data/images/thumb-meeting.svg', clinic: 'data/images/thumb-clinic.svg' };

const langOf = (globals: Globals) => (globals.lang === 'en' ? 'en' : 'vi');
const strings = (globals: Globals) => relatedStrings[langOf(globals)];

const meta = {
  title: 'Components/Related articles',
  component: 'ar-related-articles',
  parameters: { heading: { vi: 'Bài viết liên quan (ar-related-articles)', en: 'Related articles (ar-related-articles)' }, docs: { story: { height: '560px' } } },
  args: { items: null, src: '', max: 10, heading: '', headingLevel: 2, timeout: 10000 },
  argTypes: {
    items: { control: 'object' },
    headingLevel: { control: { type: 'inline-radio' }, options: [2, 3, 4, 5, 6] },
  },
  render: (args, { globals }) => html`<ar-related-articles
    class="ar-sample"
    .items=${args.items ?? relatedItems(langOf(globals))}
    src=${args.src}
    max=${args.max}
    heading=${args.heading}
    heading-level=${args.headingLevel}
    timeout=${args.timeout}
  ></ar-related-articles>`,
} satisfies Meta<RelatedArgs>;

export default meta;

/** The shown links, in order. */
const links = (el: ArRelatedArticles) => inShadow(el).queryAllByRole('link').map((a) => a.textContent?.trim());

/** Five related news items: a region named by its heading, a list of real links with dates in the reader's format. */
export const WithItems: Story = {
  play: async ({ canvasElement, globals }) => {
    const el = get<ArRelatedArticles>(canvasElement, 'ar-related-articles');
    const ui = inShadow(el);
    await expect(el.status).toBe('ready');
    await expect(ui.getByRole('region', { name: strings(globals).heading })).toBeVisible();
    await expect(ui.getByRole('heading', { level: 2, name: strings(globals).heading })).toBeVisible();
    await expect(ui.getAllByRole('listitem')).toHaveLength(5);
    await expect(links(el)).toEqual(relatedItems(langOf(globals)).map((a) => a.title));
    await expect(ui.getAllByRole('link')[0]).toHaveAttribute('href', relatedItems('vi')[0]!.url);
    await expect(get(el.shadowRoot!, 'time')).toHaveTextContent(globals.lang === 'en' ? 'Nov 20, 2026' : '20/11/2026');
  },
};

/** No related articles: the box says so ("Nội dung đang cập nhật...") instead of staying silently empty. */
export const Empty: Story = {
  args: { items: [] },
  play: async ({ canvasElement, globals }) => {
    const el = get<ArRelatedArticles>(canvasElement, 'ar-related-articles');
    await expect(el.status).toBe('empty');
    await expect(inShadow(el).getByRole('status')).toHaveTextContent(strings(globals).empty);
    await expect(inShadow(el).queryByRole('list')).toBeNull();
  },
};

/** The `empty` slot replaces the default empty text with the site's own wording. */
export const EmptyWithOwnText: Story = {
  render: (args, { globals }) => html`<ar-related-articles class="ar-sample" .items=${[]} heading-level=${args.headingLevel}>
    <p slot="empty">${globals.lang === 'en' ? 'Related news will appear here after the ward meeting.' : 'Tin liên quan sẽ được cập nhật sau cuộc họp của phường.'}</p>
  </ar-related-articles>`,
  play: async ({ canvasElement }) => {
    const el = get<ArRelatedArticles>(canvasElement, 'ar-related-articles');
    await expect(el.status).toBe('empty');
    await expect(get(canvasElement, '[slot=empty]')).toBeVisible();
  },
};

/**
 * Replaces `window.fetch` for this story's feed URL only, and puts it back when the story is left. Storybook
 * has no test server, and these stories exist to show what the reader sees while a feed is slow or broken, so
 * the "server" is simulated: `hang` never answers (until the component gives up at `timeout`), `fail` is a
 * network error. Every other request goes to the real fetch.
 */
function fakeFeed(url: string, behaviour: 'hang' | 'fail') {
  return () => {
    const realFetch = window.fetch;
    const calls: string[] = [];
    window.fetch = (input, init) => {
      const requested = new URL(input instanceof Request ? input.url : String(input), document.baseURI).href;
      if (requested !== new URL(url, document.baseURI).href) return realFetch(input, init);
      calls.push(requested);
      return new Promise<Response>((_, reject) => {
        if (behaviour === 'fail') reject(new TypeError('Failed to fetch'));
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      });
    };
    (window as Window & { __arFeedCalls?: string[] }).__arFeedCalls = calls;
    return () => {
      window.fetch = realFetch;
    };
  };
}

const feedCalls = () => (window as Window & { __arFeedCalls?: string[] }).__arFeedCalls ?? [];

const SLOW_FEED = 'api/bai-viet-lien-quan-cham.json';
const BROKEN_FEED = 'api/bai-viet-lien-quan-loi.json';

/** Loading `src`: the region is `aria-busy` and says "Đang tải…". The feed here never answers (for 60 s). */
export const Loading: Story = {
  args: { src: SLOW_FEED, timeout: 60000 },
  render: (args) => html`<ar-related-articles class="ar-sample" src=${args.src} timeout=${args.timeout}></ar-related-articles>`,
  beforeEach: fakeFeed(SLOW_FEED, 'hang'),
  play: async ({ canvasElement, globals }) => {
    const el = get<ArRelatedArticles>(canvasElement, 'ar-related-articles');
    await expect(el.status).toBe('loading');
    await expect(inShadow(el).getByRole('region')).toHaveAttribute('aria-busy', 'true');
    await expect(inShadow(el).getByRole('status')).toHaveTextContent(strings(globals).loading);
    await expect(feedCalls()).toHaveLength(1);
  },
};

/** The feed failed: a message and a "Thử lại" button that asks again (and here fails again). */
export const Failed: Story = {
  args: { src: BROKEN_FEED },
  render: (args) => html`<ar-related-articles class="ar-sample" src=${args.src}></ar-related-articles>`,
  beforeEach: fakeFeed(BROKEN_FEED, 'fail'),
  play: async ({ canvasElement, globals }) => {
    const el = get<ArRelatedArticles>(canvasElement, 'ar-related-articles');
    await waitFor(() => expect(el.status).toBe('error'));
    await settle(el);
    const ui = inShadow(el);
    await expect(ui.getByRole('status')).toHaveTextContent(strings(globals).error);
    const reasons: string[] = [];
    el.addEventListener('ar-related-error', (e) => reasons.push((e as CustomEvent<{ reason: string }>).detail.reason));
    await userEvent.click(ui.getByRole('button', { name: strings(globals).retry }));
    await waitFor(() => expect(reasons).toEqual(['network']));
    await settle(el);
    await expect(feedCalls()).toHaveLength(2);
    await expect(ui.getByRole('button', { name: strings(globals).retry })).toBeVisible();
  },
};

/** JSON from `src` (a real file served with this Storybook, `{"items": [...]}`), in the page's language. */
export const FromSrc: Story = {
  render: (_args, { globals }) =>
    html`<ar-related-articles class="ar-sample" src=${globals.lang === 'en' ? 'data/related-articles.en.json' : 'data/bai-viet-lien-quan.json'}></ar-related-articles>`,
  play: async ({ canvasElement }) => {
    const el = get<ArRelatedArticles>(canvasElement, 'ar-related-articles');
    await waitFor(() => expect(el.status).toBe('ready'));
    await settle(el);
    await expect(inShadow(el).getAllByRole('link')).toHaveLength(3);
  },
};

/** A feed of 10,000 articles: the list shows `max` (here 30) and the page stays responsive. */
export const LongList: Story = {
  args: { max: 30 },
  render: (args, { globals }) => html`<ar-related-articles class="ar-sample" .items=${longFeed(langOf(globals), 10000)} max=${args.max}></ar-related-articles>`,
  play: async ({ canvasElement, globals }) => {
    const el = get<ArRelatedArticles>(canvasElement, 'ar-related-articles');
    await expect(inShadow(el).getAllByRole('listitem')).toHaveLength(30);
    await expect(links(el)[0]).toBe(longFeed(langOf(globals), 10000)[0]!.title);
  },
};

/** Thumbnails: described when `imageAlt` is given, decorative (`alt=""`) otherwise, since the title names the link. */
export const WithImages: Story = {
  render: (args, { globals }) => html`<ar-related-articles
    class="ar-sample"
    .items=${relatedWithImages(langOf(globals), images)}
    heading-level=${args.headingLevel}
  ></ar-related-articles>`,
  play: async ({ canvasElement, globals }) => {
    const el = get<ArRelatedArticles>(canvasElement, 'ar-related-articles');
    const thumbs = [...el.shadowRoot!.querySelectorAll('img')];
    await expect(thumbs.map((img) => img.alt)).toEqual(relatedWithImages(langOf(globals), images).map((a) => a.imageAlt ?? ''));
    // Lazy images load once laid out: all three are on screen and really served.
    await waitFor(() => expect(thumbs.every((img) => img.complete && img.naturalWidth > 0)).toBe(true));
  },
};

/**
 * Progressive enhancement: the site's own `<a href>` links inside the element are shown before the script
 * runs and read into the list after; a `javascript:` link is skipped. Placed inside an article under its h2, so
 * `heading-level="3"` keeps the page outline, and the heading is the site's own wording.
 */
export const FromPageLinks: Story = {
  beforeEach: expectWarnings,
  render: (_args, { globals }) => {
    const [first, second] = relatedItems(langOf(globals));
    const text = articleText(langOf(globals));
    return html`<article class="ar-sample-article" aria-labelledby="ar-story-article-title">
      <h2 id="ar-story-article-title">${text.title}</h2>
      <p>${text.lead}</p>
      <ar-related-articles heading=${globals.lang === 'en' ? 'Read more' : 'Tin cùng chuyên mục'} heading-level="3">
      <ul>
        <li><a href=${first!.url}>${first!.title}</a></li>
        <li><a href=${second!.url}>${second!.title}</a></li>
        <li><a href="javascript:alert(1)">${globals.lang === 'en' ? 'Not a real link' : 'Liên kết không hợp lệ'}</a></li>
      </ul>
    </ar-related-articles>
    </article>`;
  },
  play: async ({ canvasElement, globals }) => {
    const el = get<ArRelatedArticles>(canvasElement, 'ar-related-articles');
    await expect(inShadow(el).getByRole('heading', { level: 3 })).toHaveTextContent(globals.lang === 'en' ? 'Read more' : 'Tin cùng chuyên mục');
    await expect(links(el)).toEqual(relatedItems(langOf(globals)).slice(0, 2).map((a) => a.title));
    // The javascript: link is left out, and the page's author told why.
    await expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('skipped 1 item(s)/image(s)'));
  },
};

export const WithItemsEnglish: Story = english(WithItems);
export const EmptyEnglish: Story = english(Empty);
export const EmptyWithOwnTextEnglish: Story = english(EmptyWithOwnText);
export const LoadingEnglish: Story = english(Loading);
export const FailedEnglish: Story = english(Failed);
export const FromSrcEnglish: Story = english(FromSrc);
export const LongListEnglish: Story = english(LongList);
export const WithImagesEnglish: Story = english(WithImages);
export const FromPageLinksEnglish: Story = english(FromPageLinks);
