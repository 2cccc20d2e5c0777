/**
 * The rating against a server that fails in every way (500, no answer, connection closed, malformed JSON),
 * against the real test endpoint (tests/support/test-server.ts). tests/components/rating.test.ts checks the
 * error reason of each; here, for each one, what the reader gets: a clear message in the live region, the
 * chosen star kept and checked, exactly one request per click, even when clicking again and again, and a
 * retry that sends exactly one more. Then the same on a page that broke `window.fetch` itself.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import '@accessible-reader/components/rating/define.js';
import type { ArRating } from '@accessible-reader/components';
import prototypePollution from '../fixtures/hostile/prototype-pollution.html?raw';
import { fixture, settle } from '../support/fixture';
import { openHostile } from './support';

const ERROR = 'Không gửi được đánh giá. Vui lòng thử lại.';
let key = '';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

function endpoint(params: Record<string, string | number>): string {
  key = `hostile-rating-${Math.random().toString(36).slice(2)}`;
  const query = new URLSearchParams({ key, status: '200', body: '{"average":4.3,"count":129}' });
  for (const [name, value] of Object.entries(params)) query.set(name, String(value));
  return `/__test__/respond?${query}`;
}

const realFetch = window.fetch.bind(window);
async function hits(): Promise<number> {
  return ((await (await realFetch(`/__test__/hits?key=${key}`)).json()) as { hits: number }).hits;
}

const once = (el: Element, type: string) => new Promise<Event>((resolve) => el.addEventListener(type, resolve, { once: true }));
const shadow = (el: ArRating) => el.shadowRoot!;
const checked = (el: ArRating) => [...shadow(el).querySelectorAll<HTMLInputElement>('input[type=radio]')].findIndex((r) => r.checked) + 1;
const button = (el: ArRating) => shadow(el).querySelector<HTMLButtonElement>('button[part~=submit]')!;
const message = (el: ArRating) => shadow(el).querySelector('[part=message]')!;

/**
 * When the server closes the connection without answering, Chromium itself resends the request on each of its
 * pooled keep-alive connections (one fetch() gave 7 requests on the test server), so there the count is of
 * the component's fetch() calls; for every other failure, of the requests the server received.
 */
const FAILURES: Array<[string, Record<string, string | number>, string]> = [
  ['HTTP 500', { status: 500, body: 'Internal Server Error' }, 'http'],
  ['no answer (hangs)', { mode: 'hang' }, 'timeout'],
  ['connection closed', { mode: 'close' }, 'network'],
  ['malformed JSON', { body: '{"average": 4.3, "count": ' }, 'malformed'],
  ['JSON of the wrong shape', { body: '{"average":"bốn","count":-1}' }, 'malformed'],
];

describe('<ar-rating> against a failing server: clear message, choice kept, one request per click', () => {
  for (const [name, params, reason] of FAILURES) {
    it(name, async () => {
      let calls = 0;
      vi.spyOn(window, 'fetch').mockImplementation((...args: Parameters<typeof fetch>) => {
        calls++;
        return realFetch(...args);
      });
      const sent = async () => (params.mode === 'close' ? calls : await hits());
      const el = await fixture<ArRating>(`<ar-rating timeout="1000" average="4" count="2"></ar-rating>`);
      el.endpoint = endpoint(params);
      await settle(el);
      shadow(el).querySelectorAll<HTMLInputElement>('input[type=radio]')[2]!.click();
      await settle(el);
      const failed = once(el, 'ar-rating-error');
      // An impatient reader: five clicks and Enter while it is sending.
      for (let i = 0; i < 5; i++) button(el).click();
      button(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      expect(((await failed) as CustomEvent<{ reason: string; value: number }>).detail).toEqual({ value: 3, reason });
      await settle(el);
      expect(el.status).toBe('error');
      expect(message(el).getAttribute('role')).toBe('status');
      expect(message(el).textContent).toBe(ERROR);
      // The choice is kept (value, checked radio) and the summary is not made up.
      expect(el.value).toBe(3);
      expect(checked(el)).toBe(3);
      expect([el.average, el.count]).toEqual([4, 2]);
      expect(calls).toBe(1);
      expect(await sent()).toBe(1);
      // Trying again sends exactly one more request, and fails the same clear way.
      expect(button(el).textContent!.trim()).toBe('Thử lại');
      const again = once(el, 'ar-rating-error');
      button(el).click();
      button(el).click();
      await again;
      await settle(el);
      expect(message(el).textContent).toBe(ERROR);
      expect(checked(el)).toBe(3);
      expect(calls).toBe(2);
      expect(await sent()).toBe(2);
    }, 20_000);
  }
});

describe('<ar-rating> on a page that broke window.fetch (Prototype.js-style portal)', () => {
  it('the vote fails with the clear message, the choice is kept, and nothing reaches the server', async () => {
    const p = await openHostile(prototypePollution);
    // The components registered in the page's own window, with the page's built-ins.
    await (p.win as unknown as { eval(code: string): Promise<unknown> }).eval("import('/packages/components/src/define.ts')");
    expect(p.win.customElements.get('ar-rating')).toBeDefined();
    const el = p.doc.createElement('ar-rating') as ArRating;
    el.setAttribute('lang', 'vi');
    el.endpoint = endpoint({});
    p.doc.body.append(el);
    await el.updateComplete;
    (shadow(el).querySelectorAll('input[type=radio]')[4] as HTMLInputElement).click();
    await el.updateComplete;
    const failed = once(el, 'ar-rating-error');
    button(el).click();
    button(el).click();
    expect(((await failed) as CustomEvent<{ reason: string }>).detail.reason).toBe('network');
    await el.updateComplete;
    expect(message(el).textContent).toBe(ERROR);
    expect(el.value).toBe(5);
    expect(checked(el)).toBe(5);
    // One call of the page's fetch per click that sends; none reached the network.
    expect(p.win.__page!.fetches).toBe(1);
    expect(await hits()).toBe(0);
    expect(p.errors).toEqual([]);
    el.remove();
  }, 20_000);
});
