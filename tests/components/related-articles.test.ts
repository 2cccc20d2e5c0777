import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '@accessible-reader/components/related-articles/define.js';
import type { ArRelatedArticles, RelatedArticle } from '@accessible-reader/components';
import { axeViolations } from '../support/axe';
import { fixture, settle } from '../support/fixture';

afterEach(() => {
  vi.restoreAllMocks();
  // Disconnecting cancels any request still hanging on the test server.
  document.body.replaceChildren();
});

const realFetch = window.fetch.bind(window);
let keys = 0;
/** A fresh hit-counter key per request URL, so tests never read each other's counts. */
const newKey = () => `ra-${Date.now()}-${keys++}`;

function respond(params: Record<string, string | number>): string {
  return `/__test__/respond?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`;
}
const json = (data: unknown, extra: Record<string, string | number> = {}) => respond({ body: JSON.stringify(data), ...extra });
async function hits(key: string): Promise<number> {
  return ((await (await realFetch(`/__test__/hits?key=${key}`)).json()) as { hits: number }).hits;
}

const sample: RelatedArticle[] = [
  { title: 'Phường tổ chức hội nghị tiếp xúc cử tri', url: '/tin-tuc/hoi-nghi-cu-tri', date: '2026-11-25' },
  { title: 'Lịch tiếp công dân tháng 12', url: 'https://example.gov.vn/lich-tiep-cong-dan' },
  { title: 'Hướng dẫn nộp hồ sơ trực tuyến', url: 'huong-dan.html', date: 'Thứ Hai, 24/11/2026' },
];

/** An element with `items` already rendered. */
async function withItems(items: unknown, attrs = '', lang = 'vi'): Promise<ArRelatedArticles> {
  const el = await fixture<ArRelatedArticles>(`<ar-related-articles ${attrs}></ar-related-articles>`, lang);
  el.items = items as RelatedArticle[];
  await settle(el);
  return el;
}

/** An element that starts fetching `url`, with its load/error events recorded from the start. */
async function withSrc(url: string, attrs = '', lang = 'vi') {
  const el = await fixture<ArRelatedArticles>(`<ar-related-articles ${attrs}></ar-related-articles>`, lang);
  const events: CustomEvent[] = [];
  for (const type of ['ar-related-load', 'ar-related-error']) el.addEventListener(type, (e) => events.push(e as CustomEvent));
  el.src = url;
  await settle(el);
  return { el, events };
}

const shadowLinks = (el: Element) => [...el.shadowRoot!.querySelectorAll('a')];
const until = (el: ArRelatedArticles, status: string, timeout = 5000) => expect.poll(() => el.status, { timeout, interval: 20 }).toBe(status);

describe('<ar-related-articles>', () => {
  it('renders items as real links in a list inside a region named by its h2', async () => {
    const el = await withItems(sample);
    await expect.element(page.getByRole('region', { name: 'Bài viết liên quan' })).toBeVisible();
    await expect.element(page.getByRole('heading', { level: 2, name: 'Bài viết liên quan' })).toBeVisible();
    await expect.element(page.getByRole('list')).toBeVisible();
    expect(page.getByRole('listitem').all()).toHaveLength(3);
    const first = page.getByRole('link', { name: 'Phường tổ chức hội nghị tiếp xúc cử tri' });
    await expect.element(first).toHaveAttribute('href', new URL('/tin-tuc/hoi-nghi-cu-tri', document.baseURI).href);
    await expect.element(page.getByRole('link', { name: 'Lịch tiếp công dân tháng 12' })).toHaveAttribute('href', 'https://example.gov.vn/lich-tiep-cong-dan');
    await expect.element(page.getByRole('link', { name: 'Hướng dẫn nộp hồ sơ trực tuyến' })).toHaveAttribute('href', new URL('huong-dan.html', document.baseURI).href);
    expect(el.status).toBe('ready');
    expect(el.getAttribute('status')).toBe('ready');
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-labelledby')).toBe(el.shadowRoot!.querySelector('h2')!.id);
  });

  it('uses the heading attribute and heading-level 2–6; an invalid level warns once and gives h2', async () => {
    await withItems(sample, 'heading="Tin cùng chuyên mục" heading-level="4"');
    await expect.element(page.getByRole('region', { name: 'Tin cùng chuyên mục' })).toBeVisible();
    await expect.element(page.getByRole('heading', { level: 4, name: 'Tin cùng chuyên mục' })).toBeVisible();
    for (const level of [3, 5, 6]) {
      await withItems(sample, `heading-level="${level}"`);
      await expect.element(page.getByRole('heading', { level, name: 'Bài viết liên quan' })).toBeVisible();
    }

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const el = await withItems(sample, 'heading-level="7"');
    expect(el.shadowRoot!.querySelector('h2')).not.toBeNull();
    await expect.element(page.getByRole('region', { name: 'Bài viết liên quan' })).toBeVisible();
    el.heading = '   ';
    await settle(el);
    await expect.element(page.getByRole('heading', { level: 2, name: 'Bài viết liên quan' })).toBeVisible();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('heading-level');
  });

  it('speaks English when the nearest lang is English, and Vietnamese again when its own lang says so', async () => {
    const el = await withItems([], '', 'en');
    await expect.element(page.getByRole('region', { name: 'Related articles' })).toBeVisible();
    await expect.element(page.getByText('No related articles yet')).toBeVisible();
    el.setAttribute('lang', 'vi-VN');
    await settle(el);
    await expect.element(page.getByRole('region', { name: 'Bài viết liên quan' })).toBeVisible();
    await expect.element(page.getByText('Nội dung đang cập nhật...')).toBeVisible();
  });

  it('formats ISO dates in the reader’s language inside <time datetime>, and shows other dates as text', async () => {
    const items = [
      { title: 'A', url: '/a', date: '2026-11-25' },
      { title: 'B', url: '/b', date: '2026-01-05T09:30:00+07:00' },
      { title: 'C', url: '/c', date: 'Thứ Hai, 24/11/2026' },
      { title: 'D', url: '/d', date: '2026-13-45' },
    ];
    const el = await withItems(items);
    const times = [...el.shadowRoot!.querySelectorAll('time')];
    expect(times.map((t) => [t.dateTime, t.textContent])).toEqual([
      ['2026-11-25', '25/11/2026'],
      ['2026-01-05T09:30:00+07:00', '05/01/2026'],
    ]);
    const dates = [...el.shadowRoot!.querySelectorAll('[part="date"]')].map((d) => d.textContent);
    expect(dates).toEqual(['25/11/2026', '05/01/2026', 'Thứ Hai, 24/11/2026', '2026-13-45']);
    // The date is not part of the link's name.
    await expect.element(page.getByRole('link', { name: 'A', exact: true })).toBeVisible();

    const en = await withItems(items.slice(0, 1), '', 'en');
    expect(en.shadowRoot!.querySelector('time')!.textContent).toBe('Nov 25, 2026');
  });

  it('skips javascript:, data:, vbscript:, blob:, file: and unparsable links (any case, spacing) with ONE warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bad = [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      '\tjava\nscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'blob:https://example.com/uuid',
      'file:///etc/passwd',
      'http://[::1',
      '',
    ];
    const el = await withItems([
      ...bad.map((url, i) => ({ title: `Xấu ${i}`, url })),
      { title: 'Tốt', url: '/tot' },
      { title: '   ', url: '/khong-tieu-de' },
      { url: '/thieu-tieu-de' },
      null,
      42,
      { title: 'Cũng tốt', url: 'HTTPS://example.gov.vn/x' },
    ]);
    expect(shadowLinks(el).map((a) => a.textContent)).toEqual(['Tốt', 'Cũng tốt']);
    expect(shadowLinks(el).every((a) => /^https?:/.test(a.href))).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('skipped 14');
  });

  it('shows script-like titles as literal text and creates no element from them', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const el = await withItems([
      { title: payload, url: '/x' },
      { title: '<script>window.__pwned = 1</script>', url: '/y' },
    ]);
    await expect.element(page.getByRole('link', { name: payload })).toBeVisible();
    expect(shadowLinks(el)[0]!.children).toHaveLength(0);
    expect(el.shadowRoot!.querySelectorAll('img, script')).toHaveLength(0);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('collapses whitespace in titles and caps them at 300 characters', async () => {
    const el = await withItems([{ title: `  Tin \n\n  mới\t ${'x'.repeat(1000)}`, url: '/a' }]);
    const text = shadowLinks(el)[0]!.textContent!;
    expect(text.startsWith('Tin mới x')).toBe(true);
    expect(text).toHaveLength(300);
  });

  it('loads an array from src, fires ar-related-load with the count, and shows aria-busy while loading', async () => {
    const key = newKey();
    const { el, events } = await withSrc(json(sample, { key, delay: 300 }));
    expect(el.status).toBe('loading');
    expect(el.getAttribute('status')).toBe('loading');
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-busy')).toBe('true');
    await expect.element(page.getByText('Đang tải…')).toBeVisible();
    await until(el, 'ready');
    expect(el.shadowRoot!.querySelector('section')!.hasAttribute('aria-busy')).toBe(false);
    expect(shadowLinks(el).map((a) => a.textContent)).toEqual(sample.map((a) => a.title));
    expect(events.map((e) => [e.type, e.detail])).toEqual([['ar-related-load', { count: 3 }]]);
    expect(events[0]).toMatchObject({ bubbles: true, composed: true });
    expect(await hits(key)).toBe(1);
  });

  it('accepts {items: [...]} from src and applies max to it', async () => {
    const { el, events } = await withSrc(json({ items: sample, total: 3 }), 'max="2"');
    await until(el, 'ready');
    expect(shadowLinks(el)).toHaveLength(2);
    expect(events[0]!.detail).toEqual({ count: 2 });
  });

  it('an empty array from src gives the empty state', async () => {
    const { el } = await withSrc(json({ items: [] }));
    await until(el, 'empty');
    await expect.element(page.getByText('Nội dung đang cập nhật...')).toBeVisible();
  });

  it.each([
    ['HTTP 500', () => respond({ status: 500, body: '{"error":"boom"}' }), 'http', ''],
    ['HTTP 404', () => json(sample, { status: 404 }), 'http', ''],
    ['malformed JSON', () => respond({ body: '[{"title": "A", "url": ' }), 'json', ''],
    ['JSON of the wrong shape', () => json({ data: sample }), 'shape', ''],
    ['a bare string', () => json('hello'), 'shape', ''],
    ['null', () => respond({ body: 'null' }), 'shape', ''],
    ['a closed connection', () => respond({ mode: 'close' }), 'network', ''],
    ['a hang past the timeout', () => respond({ mode: 'hang' }), 'timeout', 'timeout="1000"'],
  ])('%s gives the error state with a working retry', { timeout: 15_000 }, async (_case, url, reason, attrs) => {
    const key = newKey();
    const { el, events } = await withSrc(`${url()}&key=${key}`, attrs);
    await until(el, 'error');
    await expect.element(page.getByText('Không tải được bài viết liên quan.')).toBeVisible();
    expect(events.map((e) => [e.type, e.detail])).toEqual([['ar-related-error', { reason }]]);
    expect(el.shadowRoot!.querySelector('ul')).toBeNull();
    // Chromium itself re-sends a request whose connection was closed, so count from what the server saw.
    const before = await hits(key);
    expect(before).toBeGreaterThanOrEqual(1);

    // A synchronous click, so that the answer cannot arrive before the loading state is checked.
    (page.getByRole('button', { name: 'Thử lại' }).element() as HTMLElement).click();
    await el.updateComplete;
    expect(el.status).toBe('loading');
    await expect.element(page.getByText('Đang tải…')).toBeInTheDocument();
    // Focus stays in the box while the button is gone.
    expect(el.shadowRoot!.activeElement).toBe(el.shadowRoot!.querySelector('section'));
    await until(el, 'error');
    expect(await hits(key)).toBeGreaterThan(before);
    if (reason !== 'network') expect(await hits(key)).toBe(2);
    expect(events).toHaveLength(2);
    await expect.element(page.getByRole('button', { name: 'Thử lại' })).toBeVisible();
  });

  it('retry recovers when the server answers again', async () => {
    const failing = respond({ status: 503 });
    const ok = json(sample);
    // Real requests; only the second one is sent to the healthy URL, as if the server had come back.
    const spy = vi.spyOn(window, 'fetch').mockImplementation((input, init) => realFetch(spy.mock.calls.length > 1 ? ok : input, init));
    const { el, events } = await withSrc(failing);
    await until(el, 'error');
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await until(el, 'ready');
    expect(spy.mock.calls.map(([input]) => String(input))).toEqual([new URL(failing, document.baseURI).href, new URL(failing, document.baseURI).href]);
    expect(shadowLinks(el)).toHaveLength(3);
    expect(events.map((e) => e.type)).toEqual(['ar-related-error', 'ar-related-load']);
    expect(page.getByRole('button', { name: 'Thử lại' }).query()).toBeNull();
  });

  it('changing src aborts the old request: a slow old answer never overwrites the new list', { timeout: 10_000 }, async () => {
    const signals: (AbortSignal | null | undefined)[] = [];
    vi.spyOn(window, 'fetch').mockImplementation((input, init) => {
      signals.push(init?.signal);
      return realFetch(input, init);
    });
    const { el, events } = await withSrc(json([{ title: 'Cũ và chậm', url: '/old' }], { delay: 1200 }));
    el.src = json([{ title: 'Mới và nhanh', url: '/new' }]);
    await until(el, 'ready');
    expect(shadowLinks(el).map((a) => a.textContent)).toEqual(['Mới và nhanh']);
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[1]!.aborted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await settle(el);
    expect(shadowLinks(el).map((a) => a.textContent)).toEqual(['Mới và nhanh']);
    expect(events.map((e) => [e.type, e.detail])).toEqual([['ar-related-load', { count: 1 }]]);
  });

  it('cancels a pending request when removed and makes it again when put back', async () => {
    const key = newKey();
    const signals: (AbortSignal | null | undefined)[] = [];
    vi.spyOn(window, 'fetch').mockImplementation((input, init) => {
      signals.push(init?.signal);
      return realFetch(input, init);
    });
    const { el } = await withSrc(json(sample, { key, delay: 400 }));
    const parent = el.parentElement!;
    el.remove();
    expect(signals[0]!.aborted).toBe(true);
    parent.append(el);
    await until(el, 'ready');
    expect(await hits(key)).toBe(2);
  });

  it('ignores an unsafe src with one warning and never requests it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const spy = vi.spyOn(window, 'fetch');
    const el = await fixture<ArRelatedArticles>('<ar-related-articles src=" JaVaScRiPt:alert(1)"></ar-related-articles>');
    expect(el.status).toBe('empty');
    el.src = 'data:application/json,[]';
    await settle(el);
    expect(spy).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('items take precedence over src, and src over the fallback links', async () => {
    const el = await fixture<ArRelatedArticles>(`<ar-related-articles src="${json(sample).replace(/&/g, '&amp;')}"><a href="/slot">Từ trang</a></ar-related-articles>`);
    await until(el, 'ready');
    expect(shadowLinks(el)).toHaveLength(3);
    el.items = [{ title: 'Từ items', url: '/items' }];
    await settle(el);
    expect(shadowLinks(el).map((a) => a.textContent)).toEqual(['Từ items']);
    el.items = null;
    el.src = '';
    await settle(el);
    expect(shadowLinks(el).map((a) => a.textContent)).toEqual(['Từ trang']);
  });

  it('shows the empty text by default, and the empty slot instead when given', async () => {
    const el = await fixture<ArRelatedArticles>('<ar-related-articles></ar-related-articles>');
    expect(el.status).toBe('empty');
    expect(el.getAttribute('status')).toBe('empty');
    await expect.element(page.getByRole('status')).toHaveTextContent('Nội dung đang cập nhật...');
    expect(el.shadowRoot!.querySelector('ul')).toBeNull();

    const custom = await fixture<ArRelatedArticles>('<ar-related-articles><p slot="empty">Chưa có bài viết cùng chủ đề.</p></ar-related-articles>');
    expect(custom.status).toBe('empty');
    await expect.element(page.getByText('Chưa có bài viết cùng chủ đề.')).toBeVisible();
    await expect.element(page.getByText('Nội dung đang cập nhật...')).not.toBeVisible();
    custom.items = sample;
    await settle(custom);
    await expect.element(page.getByText('Chưa có bài viết cùng chủ đề.')).not.toBeVisible();
  });

  it('reads fallback links from its light DOM without moving them, and follows changes', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const el = await fixture<ArRelatedArticles>(`<ar-related-articles>
      <article class="list-news-one"><h2 class="h4 title"><a href="/tin/1">Tin  một</a></h2></article>
      <a href="/tin/2">Tin hai</a>
      <a href="javascript:alert(1)">Độc hại</a>
      <a>Không có href</a>
    </ar-related-articles>`);
    expect(el.status).toBe('ready');
    expect(shadowLinks(el).map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Tin một', new URL('/tin/1', document.baseURI).href],
      ['Tin hai', new URL('/tin/2', document.baseURI).href],
    ]);
    await expect.element(page.getByRole('link', { name: 'Tin hai' })).toBeVisible();
    // The page's own nodes stay where they were.
    expect(el.querySelectorAll('a')).toHaveLength(4);
    expect(el.querySelector('article h2 a')!.textContent).toBe('Tin  một');
    expect(warn).toHaveBeenCalledTimes(1);

    const added = document.createElement('a');
    added.href = '/tin/3';
    added.textContent = 'Tin ba';
    el.append(added);
    await expect.poll(() => shadowLinks(el).map((a) => a.textContent)).toEqual(['Tin một', 'Tin hai', 'Tin ba']);
    el.querySelector('article')!.remove();
    await expect.poll(() => shadowLinks(el).map((a) => a.textContent)).toEqual(['Tin hai', 'Tin ba']);
    added.setAttribute('href', '/tin/3-moi');
    await expect.poll(() => shadowLinks(el)[1]!.getAttribute('href')).toBe(new URL('/tin/3-moi', document.baseURI).href);
    // Its own reflected status attribute does not wake it up again: the page stays idle.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.isUpdatePending).toBe(false);
  });

  it('ignores items that are not an array with one warning, and falls back to the links', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const el = await fixture<ArRelatedArticles>('<ar-related-articles><a href="/a">Tin A</a></ar-related-articles>');
    el.items = { title: 'Không phải mảng', url: '/x' } as unknown as RelatedArticle[];
    await settle(el);
    expect(shadowLinks(el).map((a) => a.textContent)).toEqual(['Tin A']);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('takes the colours of a contrast theme, and no text fill colour from the page', async () => {
    await fixture('<div style="--ar-c-bg:#000;--ar-c-fg:#ff0;--ar-c-link:#0ff;-webkit-text-fill-color:#f00"><ar-related-articles></ar-related-articles></div>');
    const el = document.querySelector('ar-related-articles')!;
    el.items = sample;
    await settle(el);
    const section = el.shadowRoot!.querySelector('section')!;
    expect(getComputedStyle(section).backgroundColor).toBe('rgb(0, 0, 0)');
    expect(getComputedStyle(section).color).toBe('rgb(255, 255, 0)');
    const link = shadowLinks(el)[0]!;
    expect(getComputedStyle(link).color).toBe('rgb(0, 255, 255)');
    expect(getComputedStyle(link).webkitTextFillColor).toBe('rgb(0, 255, 255)');
    expect(await axeViolations()).toEqual([]);
  });

  it.each([
    ['max="5"', 5, false],
    ['', 10, false],
    ['max="0"', 1, true],
    ['max="1000"', 100, true],
    ['max="nhiều"', 10, true],
  ])('caps the list with %s', async (attrs, expected, warns) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const el = await withItems(
      Array.from({ length: 150 }, (_, i) => ({ title: `Bài ${i + 1}`, url: `/bai/${i + 1}` })),
      attrs,
    );
    expect(shadowLinks(el)).toHaveLength(expected);
    expect(el.max).toBe(expected);
    expect(warn).toHaveBeenCalledTimes(warns ? 1 : 0);
  });

  it('renders 10,000 items without freezing: validation stops at max', async () => {
    const el = await fixture<ArRelatedArticles>('<ar-related-articles></ar-related-articles>');
    let reads = 0;
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      get title() {
        reads++;
        return `Bài ${i + 1}`;
      },
      url: `/bai/${i + 1}`,
    }));
    let start = performance.now();
    el.items = many;
    await el.updateComplete;
    const valid = performance.now() - start;
    expect(shadowLinks(el)).toHaveLength(10);
    expect(shadowLinks(el)[9]!.textContent).toBe('Bài 10');
    // Only the ten shown were even looked at.
    expect(reads).toBe(10);

    // Worst case: every item but the last must be checked and skipped.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const hostile = many.map((a, i) => ({ title: a.title, url: i < 9_999 ? 'javascript:alert(1)' : a.url }));
    start = performance.now();
    el.items = hostile;
    await el.updateComplete;
    const worst = performance.now() - start;
    expect(shadowLinks(el).map((a) => a.textContent)).toEqual(['Bài 10000']);
    console.info(`[related-articles] 10,000 items: ${valid.toFixed(1)} ms (all valid), ${worst.toFixed(1)} ms (9,999 unsafe)`);
    expect(valid).toBeLessThan(1000);
    expect(worst).toBeLessThan(1000);
  });

  it('shows thumbnails with alt text, or decorative ones, cropped to a fixed box and loaded lazily', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="50"><rect width="400" height="50" fill="#369"/></svg>';
    const image = respond({ body: svg, type: 'image/svg+xml' });
    const el = await withItems([
      { title: 'Lễ khai mạc', url: '/a', image, imageAlt: 'Đại biểu cắt băng khai mạc' },
      { title: 'Họp báo', url: '/b', image },
      { title: 'Ảnh không an toàn', url: '/c', image: 'javascript:alert(1)' },
    ]);
    const alt = page.getByRole('img', { name: 'Đại biểu cắt băng khai mạc' });
    await expect.element(alt).toBeVisible();
    // The alt text is its own content; the link is named by the title alone.
    await expect.element(page.getByRole('link', { name: 'Lễ khai mạc' })).toBeVisible();
    const imgs = [...el.shadowRoot!.querySelectorAll('img')];
    expect(imgs).toHaveLength(2);
    expect(imgs[1]!.getAttribute('alt')).toBe('');
    expect(imgs.every((img) => img.loading === 'lazy' && img.decoding === 'async')).toBe(true);
    await expect.poll(() => imgs[0]!.complete && imgs[0]!.naturalWidth).toBe(400);
    const box = imgs[0]!.getBoundingClientRect();
    expect(box.width).toBeCloseTo(96, 0);
    expect(box.height).toBeCloseTo(72, 0);
    expect(getComputedStyle(imgs[0]!).objectFit).toBe('cover');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('makes every item at least 44 px tall, clickable as a whole, and the retry button 44 x 44', async () => {
    const el = await withItems(sample);
    for (const li of el.shadowRoot!.querySelectorAll('li')) expect(li.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
    // A click on the date (outside the link text) still lands on the link.
    const li = el.shadowRoot!.querySelector('li')!;
    const date = li.querySelector('time')!.getBoundingClientRect();
    const hit = el.shadowRoot!.elementFromPoint(date.left + 2, date.top + date.height / 2);
    expect(hit).toBe(li.querySelector('a'));

    const { el: failed } = await withSrc(respond({ status: 500 }));
    await until(failed, 'error');
    const button = failed.shadowRoot!.querySelector('button')!.getBoundingClientRect();
    expect(button.width).toBeGreaterThanOrEqual(44);
    expect(button.height).toBeGreaterThanOrEqual(44);
  });

  it('is operable by keyboard: Tab reaches each link, then retry works with Enter', async () => {
    const el = await withItems(sample.slice(0, 2));
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement?.textContent).toBe(sample[0]!.title);
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement?.textContent).toBe(sample[1]!.title);

    const key = newKey();
    const { el: failed } = await withSrc(respond({ status: 500, key }));
    await until(failed, 'error');
    await userEvent.tab();
    expect(failed.shadowRoot!.activeElement?.textContent).toBe('Thử lại');
    await userEvent.keyboard('{Enter}');
    await until(failed, 'error');
    expect(await hits(key)).toBe(2);
  });

  describe('passes axe-core', () => {
    const images = [1, 2, 3].map((i) => ({
      title: `Bài có ảnh ${i}`,
      url: `/anh/${i}`,
      date: '2026-11-2' + i,
      image: respond({ body: '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="6"/>', type: 'image/svg+xml' }),
      ...(i === 1 ? { imageAlt: 'Toàn cảnh hội nghị' } : {}),
    }));
    it.each([
      ['with items', () => withItems(sample)],
      ['empty', () => withItems([])],
      ['with an empty slot', () => fixture<ArRelatedArticles>('<ar-related-articles><p slot="empty">Chưa có bài viết.</p></ar-related-articles>')],
      ['long list', () => withItems(Array.from({ length: 100 }, (_, i) => ({ title: `Bài số ${i + 1} về cải cách hành chính`, url: `/bai/${i}`, date: '2026-11-25' })), 'max="100"')],
      ['with images', () => withItems(images)],
      ['in English', () => withItems(sample, '', 'en')],
      ['empty in English', () => withItems([], '', 'en')],
      ['from fallback links', () => fixture<ArRelatedArticles>('<ar-related-articles><ul><li><a href="/a">Tin A</a></li><li><a href="/b">Tin B</a></li></ul></ar-related-articles>')],
    ])('%s', async (_state, make) => {
      await make();
      expect(await axeViolations()).toEqual([]);
    });

    it('loading', async () => {
      const { el } = await withSrc(respond({ mode: 'hang' }), 'timeout="60000"');
      expect(el.status).toBe('loading');
      expect(await axeViolations()).toEqual([]);
    });

    it('error, in both languages', async () => {
      for (const lang of ['vi', 'en']) {
        const { el } = await withSrc(respond({ status: 500 }), '', lang);
        await until(el, 'error');
        await expect.element(page.getByRole('button', { name: lang === 'vi' ? 'Thử lại' : 'Try again' })).toBeVisible();
        expect(await axeViolations()).toEqual([]);
      }
    });
  });
});
