import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '@accessible-reader/components/rating/define.js';
import type { ArRating, RatingSubmitDetail, RatingSummary } from '@accessible-reader/components';
import { axeViolations } from '../support/axe';
import { fixture, settle } from '../support/fixture';

/** A fresh key per test, so request counts on the shared test server never mix. */
let key = '';
beforeEach(() => {
  key = `rating-${Math.random().toString(36).slice(2)}`;
  localStorage.clear();
});
afterEach(() => vi.restoreAllMocks());

/** A URL of the real test endpoint (tests/support/test-server.ts), counted under this test's key. */
function endpoint(params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams({ key, status: '200', body: '{"average":4.3,"count":129}' });
  for (const [name, value] of Object.entries(params)) query.set(name, String(value));
  return `/__test__/respond?${query}`;
}
/** The same URL escaped for an HTML attribute. */
const attr = (url: string) => url.replaceAll('&', '&amp;');

async function hits(): Promise<{ hits: number; bodies: string[] }> {
  return (await fetch(`/__test__/hits?key=${key}`)).json();
}

function nextEvent<T>(el: Element, type: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => el.addEventListener(type, (e) => resolve(e as CustomEvent<T>), { once: true }));
}

const star = (name: string | RegExp) => page.getByRole('radio', { name });
const submitButton = () => page.getByRole('button', { name: 'Gửi đánh giá' });
const radios = (el: ArRating) => [...el.shadowRoot!.querySelectorAll('input')];

describe('<ar-rating> rendering and language', () => {
  it('reads the summary in Vietnamese with "4,2", and offers five native radios named "1 sao" … "5 sao"', async () => {
    const el = await fixture<ArRating>('<ar-rating average="4.24" count="1280"></ar-rating>');
    await expect.element(page.getByText('Điểm trung bình 4,2/5 từ 1.280 lượt đánh giá', { exact: true })).toBeVisible();
    const group = page.getByRole('group', { name: 'Đánh giá bài viết' });
    await expect.element(group).toBeVisible();
    for (let i = 1; i <= 5; i++) await expect.element(group.getByRole('radio', { name: `${i} sao` })).not.toBeChecked();
    expect(radios(el).every((r) => r.type === 'radio')).toBe(true);
    await expect.element(group.getByRole('button', { name: 'Gửi đánh giá' })).toBeEnabled();
    // The stars themselves are decoration: the radio names and the summary text carry everything.
    for (const glyph of el.shadowRoot!.querySelectorAll('[part=star] > span:not(.vh)')) expect(glyph.getAttribute('aria-hidden')).toBe('true');
    expect(el.status).toBe('idle');
    // Only `status` is added to what the author wrote.
    expect(el.getAttributeNames().sort()).toEqual(['average', 'count', 'status']);
    expect(el.getAttribute('status')).toBe('idle');
  });

  it('has its own wording when nobody has rated yet', async () => {
    await fixture('<ar-rating average="3" count="0"></ar-rating>');
    await expect.element(page.getByText('Chưa có lượt đánh giá nào', { exact: true })).toBeVisible();
    await fixture('<ar-rating></ar-rating>', 'en');
    await expect.element(page.getByText('No ratings yet', { exact: true })).toBeVisible();
  });

  it('speaks English with "4.2", singular and plural, and follows its own lang', async () => {
    const el = await fixture<ArRating>('<ar-rating average="4.2" count="128"></ar-rating>', 'en');
    await expect.element(page.getByText('Average 4.2 out of 5 from 128 ratings', { exact: true })).toBeVisible();
    await expect.element(page.getByRole('group', { name: 'Rate this article' })).toBeVisible();
    await expect.element(star('1 star')).toBeVisible();
    await expect.element(star('2 stars')).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Submit rating' })).toBeVisible();
    el.count = 1;
    el.average = 5;
    await settle(el);
    await expect.element(page.getByText('Average 5 out of 5 from 1 rating', { exact: true })).toBeVisible();
    el.setAttribute('lang', 'vi');
    await settle(el);
    await expect.element(page.getByText('Điểm trung bình 5/5 từ 1 lượt đánh giá', { exact: true })).toBeVisible();
    await expect.element(star('1 sao')).toBeVisible();
  });

  it('speaks English in every state: sending, error with "Try again", thanks and "You rated 1 star"', async () => {
    const el = await fixture<ArRating>('<ar-rating value="1"></ar-rating>', 'en');
    let settleVote!: { resolve: () => void; reject: (e: Error) => void };
    el.addEventListener('ar-rating-submit', (e) =>
      (e as CustomEvent<RatingSubmitDetail>).detail.respondWith(new Promise<void>((resolve, reject) => (settleVote = { resolve, reject }))),
    );
    await page.getByRole('button', { name: 'Submit rating' }).click();
    await expect.element(page.getByRole('button', { name: 'Sending…' })).toHaveAttribute('aria-disabled', 'true');
    settleVote.reject(new Error('no'));
    await expect.element(page.getByRole('status')).toHaveTextContent('Your rating could not be sent. Please try again.');
    await page.getByRole('button', { name: 'Try again' }).click();
    settleVote.resolve();
    await expect.element(page.getByRole('status')).toHaveTextContent('Thank you for your rating');
    await expect.element(page.getByText('You rated 1 star', { exact: false })).toBeVisible();
    expect(el.shadowRoot!.querySelector('[part=rated]')!.textContent!.trim().endsWith('You rated 1 star')).toBe(true);
  });

  it('renders max stars (1–10)', async () => {
    const el = await fixture<ArRating>('<ar-rating max="10" value="7"></ar-rating>');
    expect(radios(el)).toHaveLength(10);
    await expect.element(star('7 sao')).toBeChecked();
    await expect.element(star('10 sao')).toBeVisible();
  });

  it('readonly shows only the summary, as text in the accessibility tree', async () => {
    const el = await fixture<ArRating>('<ar-rating readonly average="4.2" count="128" endpoint="/x"></ar-rating>');
    expect(el.shadowRoot!.querySelectorAll('input, button, fieldset')).toHaveLength(0);
    expect(page.getByRole('radio').elements()).toHaveLength(0);
    expect(page.getByRole('button').elements()).toHaveLength(0);
    const summary = page.getByRole('paragraph').filter({ hasText: 'Điểm trung bình 4,2/5 từ 128 lượt đánh giá' });
    await expect.element(summary).toBeVisible();
    expect(summary.element().closest('[aria-hidden]')).toBeNull();
  });

  it('gives every star and the button a target of at least 44 x 44 CSS px, and filled stars 3:1 contrast', async () => {
    const el = await fixture<ArRating>('<ar-rating value="3"></ar-rating>');
    for (const target of el.shadowRoot!.querySelectorAll('[part=star], button')) {
      const box = target.getBoundingClientRect();
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    // The radio covers its whole label, so the whole target is clickable.
    const label = el.shadowRoot!.querySelector('[part=star]')!.getBoundingClientRect();
    const input = radios(el)[0]!.getBoundingClientRect();
    expect([input.width, input.height]).toEqual([label.width, label.height]);
    const filled = getComputedStyle(el.shadowRoot!.querySelector('[part=star].on')!).color;
    expect(contrast(filled, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
    expect(el.shadowRoot!.querySelectorAll('.on')).toHaveLength(3);
    // Characters, not colour alone, show which stars are chosen, so they survive forced colours.
    expect([...el.shadowRoot!.querySelectorAll('[part=star] > span[aria-hidden]')].map((s) => s.textContent).join('')).toBe('★★★☆☆');
  });
});

describe('<ar-rating> choosing and keyboard', () => {
  it('choosing a star sends nothing and fires change', async () => {
    const el = await fixture<ArRating>(`<ar-rating endpoint="${attr(endpoint())}"></ar-rating>`);
    const onChange = vi.fn();
    const onSubmit = vi.fn();
    el.addEventListener('change', onChange);
    el.addEventListener('ar-rating-submit', onSubmit);
    await star('4 sao').click();
    await settle(el);
    expect(el.value).toBe(4);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(el.shadowRoot!.querySelectorAll('.on')).toHaveLength(4);
    await new Promise((r) => setTimeout(r, 100));
    expect((await hits()).hits).toBe(0);
    expect(el.status).toBe('idle');
  });

  it('is one radio group for the keyboard: Tab enters once, arrows move and select, Tab to the button, Enter sends', async () => {
    const el = await fixture<ArRating>(`<ar-rating endpoint="${attr(endpoint())}"></ar-rating>`);
    const sent = nextEvent<{ value: number }>(el, 'ar-rating-success');
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement).toBe(radios(el)[0]);
    // The radio is transparent: its star label shows the focus.
    const ring = getComputedStyle(radios(el)[0]!.parentElement!);
    expect([ring.outlineStyle, ring.outlineWidth]).toEqual(['solid', '3px']);
    await userEvent.keyboard('{ArrowRight}');
    await settle(el);
    expect(el.value).toBe(2);
    await expect.element(star('2 sao')).toBeChecked();
    expect(el.shadowRoot!.activeElement).toBe(radios(el)[1]);
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowLeft}');
    await settle(el);
    expect(el.value).toBe(3);
    // One Tab leaves the whole group, onto the button.
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement).toBe(submitButton().element());
    await userEvent.keyboard('{Enter}');
    expect((await sent).detail.value).toBe(3);
    expect(JSON.parse((await hits()).bodies[0]!)).toEqual({ value: 3 });
    // Focus stays on the result, not lost to the page top.
    expect(el.shadowRoot!.activeElement).toBe(el.shadowRoot!.querySelector('[part=rated]'));
  });

  it('Shift+Tab from the button returns to the checked star only', async () => {
    const el = await fixture<ArRating>('<ar-rating value="4"></ar-rating>');
    (submitButton().element() as HTMLElement).focus();
    await userEvent.tab({ shift: true });
    expect(el.shadowRoot!.activeElement).toBe(radios(el)[3]);
    await userEvent.tab({ shift: true });
    expect(el.shadowRoot!.activeElement).toBeNull();
  });

  it('sending with no star chosen sends nothing and puts focus on the first star', async () => {
    const el = await fixture<ArRating>(`<ar-rating endpoint="${attr(endpoint())}"></ar-rating>`);
    const onSubmit = vi.fn();
    el.addEventListener('ar-rating-submit', onSubmit);
    await submitButton().click();
    await settle(el);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(el.shadowRoot!.activeElement).toBe(radios(el)[0]);
    expect(el.status).toBe('idle');
  });
});

describe('<ar-rating> sending to endpoint (real network)', () => {
  it('success: POSTs JSON once, updates the summary, thanks in the live region, fires ar-rating-success', async () => {
    const fetchSpy = vi.spyOn(window, 'fetch');
    const el = await fixture<ArRating>(`<ar-rating average="4.2" count="128" endpoint="${attr(endpoint())}"></ar-rating>`);
    const success = nextEvent<{ value: number; average?: number; count?: number }>(el, 'ar-rating-success');
    const onError = vi.fn();
    el.addEventListener('ar-rating-error', onError);
    await star('4 sao').click();
    await submitButton().click();
    const event = await success;
    expect(event.detail).toEqual({ value: 4, average: 4.3, count: 129 });
    expect(event).toMatchObject({ bubbles: true, composed: true });
    await settle(el);
    expect(el.status).toBe('sent');
    expect(el.getAttribute('status')).toBe('sent');
    await expect.element(page.getByRole('status')).toHaveTextContent('Cảm ơn bạn đã đánh giá');
    await expect.element(page.getByText('Điểm trung bình 4,3/5 từ 129 lượt đánh giá', { exact: true })).toBeVisible();
    await expect.element(page.getByText(/Bạn đã đánh giá 4 sao/)).toBeVisible();
    expect(page.getByRole('radio').elements()).toHaveLength(0);
    expect(onError).not.toHaveBeenCalled();
    const { hits: count, bodies } = await hits();
    expect(count).toBe(1);
    expect(JSON.parse(bodies[0]!)).toEqual({ value: 4 });
    const init = fetchSpy.mock.calls.find(([url]) => String(url).includes(key))![1]!;
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
  });

  it('HTTP 500: clear error, value kept, the same button retries and succeeds against a working URL', async () => {
    const el = await fixture<ArRating>(`<ar-rating value="2" endpoint="${attr(endpoint({ status: 500, body: 'oops' }))}"></ar-rating>`);
    const failed = nextEvent<{ value: number; reason: string }>(el, 'ar-rating-error');
    await star('4 sao').click();
    await submitButton().click();
    expect((await failed).detail).toEqual({ value: 4, reason: 'http' });
    await settle(el);
    expect(el.status).toBe('error');
    await expect.element(page.getByRole('status')).toHaveTextContent('Không gửi được đánh giá. Vui lòng thử lại.');
    expect(el.value).toBe(4);
    await expect.element(star('4 sao')).toBeChecked();
    const retry = page.getByRole('button', { name: 'Thử lại' });
    await expect.element(retry).toBeVisible();
    expect(retry.element().getAttribute('part')).toContain('retry');

    el.endpoint = endpoint();
    await settle(el);
    const success = nextEvent<{ value: number }>(el, 'ar-rating-success');
    await retry.click();
    expect((await success).detail.value).toBe(4);
    await settle(el);
    expect(el.status).toBe('sent');
    await expect.element(page.getByRole('status')).toHaveTextContent('Cảm ơn bạn đã đánh giá');
    expect((await hits()).hits).toBe(2);
  });

  it('no answer: times out after `timeout` ms with reason "timeout"', async () => {
    const el = await fixture<ArRating>(`<ar-rating value="5" timeout="1000" endpoint="${attr(endpoint({ mode: 'hang' }))}"></ar-rating>`);
    expect(el.timeout).toBe(1000);
    const failed = nextEvent<{ reason: string }>(el, 'ar-rating-error');
    const started = performance.now();
    await submitButton().click();
    expect((await failed).detail.reason).toBe('timeout');
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    await settle(el);
    expect(el.status).toBe('error');
    expect(el.value).toBe(5);
    await expect.element(page.getByRole('status')).toMatchTextContent(/Không gửi được/);
  });

  it('connection dropped: reason "network"', async () => {
    const el = await fixture<ArRating>(`<ar-rating value="3" endpoint="${attr(endpoint({ mode: 'close' }))}"></ar-rating>`);
    const failed = nextEvent<{ value: number; reason: string }>(el, 'ar-rating-error');
    await submitButton().click();
    expect((await failed).detail).toEqual({ value: 3, reason: 'network' });
    await settle(el);
    expect(el.status).toBe('error');
  });

  it.each([
    ['not JSON', 'not json'],
    ['JSON without numbers', '{"average":"4","count":2}'],
    ['JSON null', 'null'],
  ])('answer %s: reason "malformed", summary unchanged', async (_case, body) => {
    const el = await fixture<ArRating>(`<ar-rating value="3" average="4" count="2" endpoint="${attr(endpoint({ body }))}"></ar-rating>`);
    const failed = nextEvent<{ reason: string }>(el, 'ar-rating-error');
    await submitButton().click();
    expect((await failed).detail.reason).toBe('malformed');
    await settle(el);
    expect(el.status).toBe('error');
    expect([el.average, el.count]).toEqual([4, 2]);
  });

  it('10 rapid clicks, Enter spam and clicks after success send exactly one request', async () => {
    const el = await fixture<ArRating>(`<ar-rating value="4" endpoint="${attr(endpoint({ delay: 300 }))}"></ar-rating>`);
    const onSubmit = vi.fn();
    el.addEventListener('ar-rating-submit', onSubmit);
    const button = submitButton().element() as HTMLElement;
    for (let i = 0; i < 10; i++) button.click();
    await settle(el);
    // While sending: the button says so, stays focusable (aria-disabled), the group is busy.
    expect(el.status).toBe('submitting');
    await expect.element(page.getByRole('button', { name: 'Đang gửi…' })).toHaveAttribute('aria-disabled', 'true');
    expect(el.shadowRoot!.querySelector('fieldset')!.getAttribute('aria-busy')).toBe('true');
    button.focus();
    await userEvent.keyboard('{Enter}{Enter}{Enter}');
    await expect.poll(() => el.status).toBe('sent');
    el.shadowRoot!.querySelector<HTMLElement>('[part=rated]')!.click();
    await new Promise((r) => setTimeout(r, 400));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect((await hits()).hits).toBe(1);
  });

  it('ignores a javascript: endpoint with one warning, and still records the vote without any request', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fetchSpy = vi.spyOn(window, 'fetch');
    const el = await fixture<ArRating>('<ar-rating value="4" endpoint="javascript:alert(1)"></ar-rating>');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('endpoint');
    const success = nextEvent<object>(el, 'ar-rating-success');
    await submitButton().click();
    expect((await success).detail).toEqual({ value: 4 });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(el.status).toBe('sent');
    el.endpoint = 'data:application/json,{}';
    await settle(el);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('<ar-rating> delegation through ar-rating-submit', () => {
  it('respondWith(resolve summary): no request, "sending" while pending, then sent with the new summary', async () => {
    const el = await fixture<ArRating>(`<ar-rating value="5" average="4" count="9" endpoint="${attr(endpoint())}"></ar-rating>`);
    let resolve!: (summary: RatingSummary) => void;
    const submit = vi.fn((e: Event) => {
      const detail = (e as CustomEvent<RatingSubmitDetail>).detail;
      expect(detail.value).toBe(5);
      detail.respondWith(new Promise<RatingSummary>((r) => (resolve = r)));
    });
    document.addEventListener('ar-rating-submit', submit);
    try {
      await submitButton().click();
      await settle(el);
      expect(submit.mock.calls[0]![0]).toMatchObject({ bubbles: true, composed: true, cancelable: true });
      expect(el.status).toBe('submitting');
      await expect.element(page.getByRole('button', { name: 'Đang gửi…' })).toBeVisible();
      const success = nextEvent<object>(el, 'ar-rating-success');
      resolve({ average: 4.1, count: 10 });
      expect((await success).detail).toEqual({ value: 5, average: 4.1, count: 10 });
      await settle(el);
      await expect.element(page.getByText('Điểm trung bình 4,1/5 từ 10 lượt đánh giá', { exact: true })).toBeVisible();
      expect((await hits()).hits).toBe(0);
    } finally {
      document.removeEventListener('ar-rating-submit', submit);
    }
  });

  it('respondWith(resolve nothing): sent, summary unchanged', async () => {
    const el = await fixture<ArRating>('<ar-rating value="2" average="4" count="9"></ar-rating>');
    el.addEventListener('ar-rating-submit', (e) => (e as CustomEvent<RatingSubmitDetail>).detail.respondWith(Promise.resolve()));
    const success = nextEvent<object>(el, 'ar-rating-success');
    await submitButton().click();
    expect((await success).detail).toEqual({ value: 2 });
    await settle(el);
    expect([el.status, el.average, el.count]).toEqual(['sent', 4, 9]);
  });

  it('respondWith(reject): error with reason "rejected", value kept, retry asks the listener again', async () => {
    const el = await fixture<ArRating>(`<ar-rating value="3" endpoint="${attr(endpoint())}"></ar-rating>`);
    let attempt = 0;
    el.addEventListener('ar-rating-submit', (e) =>
      (e as CustomEvent<RatingSubmitDetail>).detail.respondWith(attempt++ ? Promise.resolve() : Promise.reject(new Error('site said no'))),
    );
    const failed = nextEvent<object>(el, 'ar-rating-error');
    await submitButton().click();
    expect((await failed).detail).toEqual({ value: 3, reason: 'rejected' });
    await settle(el);
    expect(el.status).toBe('error');
    expect(el.value).toBe(3);
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await expect.poll(() => el.status).toBe('sent');
    expect(attempt).toBe(2);
    expect((await hits()).hits).toBe(0);
  });

  it('a cancelled ar-rating-submit sends nothing and returns to idle', async () => {
    const el = await fixture<ArRating>(`<ar-rating value="3" endpoint="${attr(endpoint())}"></ar-rating>`);
    el.addEventListener('ar-rating-submit', (e) => e.preventDefault());
    const onDone = vi.fn();
    el.addEventListener('ar-rating-success', onDone);
    el.addEventListener('ar-rating-error', onDone);
    await submitButton().click();
    await settle(el);
    await new Promise((r) => setTimeout(r, 150));
    expect(el.status).toBe('idle');
    await expect.element(submitButton()).toBeVisible();
    expect(onDone).not.toHaveBeenCalled();
    expect((await hits()).hits).toBe(0);
  });
});

describe('<ar-rating> in a form', () => {
  const formMarkup = (attrs = '') => `<form><ar-rating name="rating" value="3" ${attrs}></ar-rating><button type="reset">Đặt lại</button></form>`;

  it('contributes its value to FormData under `name`, nothing when no star; reset restores the initial value', async () => {
    await fixture(formMarkup());
    const form = document.querySelector('form')!;
    const el = form.querySelector('ar-rating')!;
    expect(new FormData(form).get('rating')).toBe('3');
    await star('5 sao').click();
    await settle(el);
    expect(new FormData(form).get('rating')).toBe('5');
    form.reset();
    await settle(el);
    expect(el.value).toBe(3);
    await expect.element(star('3 sao')).toBeChecked();
    expect(new FormData(form).get('rating')).toBe('3');
    el.value = 0;
    await settle(el);
    expect(new FormData(form).has('rating')).toBe(false);
  });

  it('without endpoint, the button submits the form (with the value) and sends nothing itself', async () => {
    await fixture(formMarkup());
    const form = document.querySelector('form')!;
    const el = form.querySelector('ar-rating')!;
    const fetchSpy = vi.spyOn(window, 'fetch');
    const submitted = new Promise<FormData>((resolve) =>
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        resolve(new FormData(form));
      }),
    );
    await star('4 sao').click();
    await submitButton().click();
    expect((await submitted).get('rating')).toBe('4');
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(el.status).toBe('idle');
  });

  it('is disabled by a disabled fieldset, and then is left out of FormData', async () => {
    await fixture(`<form><fieldset disabled><legend>Ý kiến</legend><ar-rating name="rating" value="3"></ar-rating></fieldset></form>`);
    const form = document.querySelector('form')!;
    const el = form.querySelector('ar-rating')!;
    await settle(el);
    expect(radios(el).every((r) => r.matches(':disabled'))).toBe(true);
    await expect.element(submitButton()).toBeDisabled();
    expect(new FormData(form).has('rating')).toBe(false);
    form.querySelector('fieldset')!.disabled = false;
    await settle(el);
    await expect.element(submitButton()).toBeEnabled();
    expect(new FormData(form).get('rating')).toBe('3');
  });
});

describe('<ar-rating> disabled, storage and bad input', () => {
  it('disabled: radios and button are disabled and nothing can be sent', async () => {
    const el = await fixture<ArRating>(`<ar-rating disabled value="2" endpoint="${attr(endpoint())}"></ar-rating>`);
    expect(radios(el).every((r) => r.matches(':disabled'))).toBe(true);
    await expect.element(submitButton()).toBeDisabled();
    const onSubmit = vi.fn();
    el.addEventListener('ar-rating-submit', onSubmit);
    (submitButton().element() as HTMLElement).click();
    radios(el)[4]!.click();
    await settle(el);
    expect(el.value).toBe(2);
    expect(onSubmit).not.toHaveBeenCalled();
    el.disabled = false;
    await settle(el);
    await expect.element(submitButton()).toBeEnabled();
  });

  it('remembers a sent rating under storage-key and shows it as sent on reload; ignores corrupt storage', async () => {
    const el = await fixture<ArRating>(`<ar-rating storage-key="ar-test-rating" endpoint="${attr(endpoint())}"></ar-rating>`);
    await star('4 sao').click();
    await submitButton().click();
    await expect.poll(() => el.status).toBe('sent');
    expect(JSON.parse(localStorage.getItem('ar-test-rating')!)).toBe(4);

    const again = await fixture<ArRating>(`<ar-rating storage-key="ar-test-rating" endpoint="${attr(endpoint())}"></ar-rating>`);
    expect(again.status).toBe('sent');
    expect(again.value).toBe(4);
    await expect.element(page.getByText(/Bạn đã đánh giá 4 sao/)).toBeVisible();
    expect(page.getByRole('radio').elements()).toHaveLength(0);
    expect((await hits()).hits).toBe(1);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    localStorage.setItem('ar-test-rating', '"lots"');
    const corrupt = await fixture<ArRating>('<ar-rating storage-key="ar-test-rating"></ar-rating>');
    expect(corrupt.status).toBe('idle');
    expect(corrupt.value).toBe(0);
    localStorage.setItem('ar-test-rating', '{not json');
    const unreadable = await fixture<ArRating>('<ar-rating storage-key="ar-test-rating"></ar-rating>');
    expect(unreadable.status).toBe('idle');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['value="7" max="5"', { value: 5, max: 5 }],
    ['max="abc"', { max: 5 }],
    ['max="20"', { max: 10 }],
    ['average="-1" count="3"', { average: 0 }],
    ['average="9" count="3"', { average: 5 }],
    ['count="1.5"', { count: 2 }],
    ['count="-3"', { count: 0 }],
    ['value="2.4"', { value: 2 }],
    ['timeout="5"', { timeout: 1000 }],
  ])('clamps or ignores bad input %s with one warning and keeps working', async (attrs, expected) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const el = await fixture<ArRating>(`<ar-rating ${attrs}></ar-rating>`);
    expect(el).toMatchObject(expected);
    expect(warn).toHaveBeenCalledTimes(1);
    el.requestUpdate();
    await settle(el);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(radios(el)).toHaveLength(el.max);
    const success = nextEvent<{ value: number }>(el, 'ar-rating-success');
    radios(el)[0]!.click();
    await settle(el);
    await submitButton().click();
    expect((await success).detail.value).toBe(1);
  });

  it('status is read-only', async () => {
    const el = await fixture<ArRating>('<ar-rating></ar-rating>');
    expect(() => ((el as unknown as { status: string }).status = 'sent')).toThrow(TypeError);
    expect(el.status).toBe('idle');
  });
});

describe('<ar-rating> passes axe-core in every state', () => {
  const pending = (el: ArRating) =>
    el.addEventListener('ar-rating-submit', (e) => (e as CustomEvent<RatingSubmitDetail>).detail.respondWith(new Promise(() => {})));
  const rejecting = (el: ArRating) =>
    el.addEventListener('ar-rating-submit', (e) => (e as CustomEvent<RatingSubmitDetail>).detail.respondWith(Promise.reject(new Error('no'))));

  it.each([
    ['empty', '<ar-rating></ar-rating>', 'vi', undefined, 'idle'],
    ['with average and a chosen star', '<ar-rating value="4" average="4.2" count="128"></ar-rating>', 'vi', undefined, 'idle'],
    ['readonly', '<ar-rating readonly average="4.2" count="128"></ar-rating>', 'vi', undefined, 'idle'],
    ['disabled', '<ar-rating disabled value="3" average="4.2" count="128"></ar-rating>', 'vi', undefined, 'idle'],
    ['submitting', '<ar-rating value="4" average="4.2" count="128"></ar-rating>', 'vi', pending, 'submitting'],
    ['sent', '<ar-rating value="4" average="4.2" count="128"></ar-rating>', 'vi', () => {}, 'sent'],
    ['error', '<ar-rating value="4" average="4.2" count="128"></ar-rating>', 'vi', rejecting, 'error'],
    ['English, error', '<ar-rating value="1" average="4.2" count="1"></ar-rating>', 'en', rejecting, 'error'],
    ['English, sent', '<ar-rating value="1" average="4.2" count="1"></ar-rating>', 'en', () => {}, 'sent'],
  ])('%s', async (_state, markup, lang, setup, status) => {
    const el = await fixture<ArRating>(markup, lang);
    if (setup) {
      setup(el);
      (el.shadowRoot!.querySelector('button') as HTMLElement).click();
    }
    await expect.poll(() => el.status).toBe(status);
    await settle(el);
    expect(await axeViolations()).toEqual([]);
  });
});

/** WCAG contrast ratio of two `rgb()` colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, bl] = rgb.match(/\d+(\.\d+)?/g)!.map(Number).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
