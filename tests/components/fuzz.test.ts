/**
 * Fuzzing the components' public surface: for each component, 1,000 rounds in which every attribute gets a
 * random value (or is removed), then the element updates once; after each round its state must be valid and it
 * must still render. Values come from a seeded PRNG: a failure prints the seed and round, and
 * `VITE_FUZZ_SEED=<seed> npx vitest run --project browser tests/components/fuzz.test.ts` reproduces it. Also the number properties set directly, and `items` of the related list.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '@accessible-reader/components/define.js';
import type { ArContrastToggle, ArFontSize, ArRating, ArRelatedArticles } from '@accessible-reader/components';

const SEED = Number(import.meta.env.VITE_FUZZ_SEED ?? 20261125);
const ROUNDS = 1000;

/** mulberry32: small, fast, good enough to spread values; the same seed gives the same sequence. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPECIAL = [
  '', ' ', '\t\n', 'NaN', 'nan', 'Infinity', '-Infinity', '1e309', '-1e309', '1e-320', '0', '-0', '+5', '5px', '  7  ', ' 3e2 ', '0x10', '0b11', '1_000',
  '١٢٣', '５', '٣.٥', '💥', 'ỹ', 'null', 'undefined', 'true', 'false', '{"a":1}', '[1,2]', '{"average":4,"count":2}', '[]', '{}',
  '<script>window.__fuzzXss=1</script>', '"><img src=x onerror="window.__fuzzXss=2">', 'javascript:window.__fuzzXss=3', 'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example/x', 'https://example.gov.vn/a', '/relative/path',
  '*', 'html', 'body', '#missing', '[[[', 'div > > p', ':root', 'ar-font-size', '\u0000', '\uFFFF', '\uD800', 'vi', 'en', 'vi-VN', 'EN-us', 'fr',
  'high', 'dark', 'yellow', 'HIGH', ' high', 'off', '2', '3', '6', '7', '2.5', '10', '11', '-1', '100', '101', '1000', '60000', '60001', '999999999999999999999',
];

/** A random attribute value: special cases, numbers of every kind, random unicode, very long strings. */
function randomValue(rand: () => number): string {
  const r = rand();
  if (r < 0.35) return SPECIAL[Math.floor(rand() * SPECIAL.length)]!;
  if (r < 0.55) return String(Math.floor(rand() * 30) - 10);
  if (r < 0.65) return String((rand() - 0.3) * 10 ** Math.floor(rand() * 25));
  if (r < 0.72) return String(rand() * 600 - 50);
  if (r < 0.85) {
    const n = Math.floor(rand() * 20);
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCodePoint(Math.floor(rand() * (rand() < 0.7 ? 0x250 : 0x1faff)));
    return s;
  }
  if (r < 0.9) return 'x'.repeat(1000 + Math.floor(rand() * 20_000));
  if (r < 0.95) return JSON.stringify({ n: rand(), s: SPECIAL[Math.floor(rand() * SPECIAL.length)] });
  return `${Math.floor(rand() * 12)}`;
}

/** A random value of any type, for properties and item fields. */
function randomAny(rand: () => number): unknown {
  const r = rand();
  if (r < 0.4) return randomValue(rand);
  if (r < 0.55) return [NaN, Infinity, -Infinity, -0, 0, 1, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, 0.1 + 0.2][Math.floor(rand() * 10)];
  if (r < 0.7) return (rand() - 0.5) * 10 ** Math.floor(rand() * 8);
  if (r < 0.75) return null;
  if (r < 0.8) return undefined;
  if (r < 0.85) return {};
  if (r < 0.9) return [];
  if (r < 0.95) return true;
  return Symbol('fuzz');
}

/** Sets every attribute of `el` to a random value, or removes it (about one time in six). */
function scramble(el: Element, names: string[], rand: () => number): Record<string, string | null> {
  const set: Record<string, string | null> = {};
  for (const name of names) {
    if (rand() < 0.4) continue; // left as it was: values change a few at a time, as they do in life
    if (rand() < 0.17) {
      el.removeAttribute(name);
      set[name] = null;
    } else {
      const v = randomValue(rand);
      el.setAttribute(name, v);
      set[name] = v;
    }
  }
  return set;
}

const errors: string[] = [];
const onError = (e: ErrorEvent) => errors.push(e.message);
const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason));
let host: HTMLElement;
beforeAll(() => {
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
});
afterAll(() => {
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
});
afterEach(() => {
  vi.restoreAllMocks();
  host?.remove();
  document.documentElement.removeAttribute('data-ar-contrast');
  document.documentElement.style.removeProperty('font-size');
  document.documentElement.style.removeProperty('--ar-font-scale');
  localStorage.clear();
  expect(errors).toEqual([]);
  expect((window as { __fuzzXss?: unknown }).__fuzzXss).toBeUndefined();
});

/** A fresh element of `tag` in the page (inside <main lang=vi>), its warnings silenced. */
async function create<T extends HTMLElement & { updateComplete: Promise<boolean> }>(tag: string): Promise<T> {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  host = document.createElement('main');
  host.lang = 'vi';
  const el = document.createElement(tag) as T;
  host.append(el);
  document.body.append(host);
  await el.updateComplete;
  return el;
}

/** Runs the rounds; a failing check reports the seed, round and the attributes set in that round. */
async function fuzz<T extends HTMLElement & { updateComplete: Promise<boolean> }>(
  el: T,
  names: string[],
  check: (el: T) => void,
  seed = SEED,
): Promise<void> {
  const rand = prng(seed);
  for (let round = 0; round < ROUNDS; round++) {
    const set = scramble(el, names, rand);
    try {
      await el.updateComplete;
      // A second pass settles values the first update corrected (a clamped max re-clamps value).
      await el.updateComplete;
      check(el);
    } catch (error) {
      throw new Error(`seed ${seed}, round ${round}, attributes ${JSON.stringify(set).slice(0, 400)}: ${String(error)}`, { cause: error });
    }
  }
}

const finite = (n: number) => typeof n === 'number' && Number.isFinite(n);
const text = (n: Node | null | undefined) => n?.textContent ?? '';

describe('fuzzing: 1,000 random values for every attribute', () => {
  it('<ar-font-size>: min <= value <= max, all finite and within 50–500, step 1–100; always three buttons', async () => {
    const el = await create<ArFontSize>('ar-font-size');
    await fuzz(el, ['value', 'min', 'max', 'step', 'target', 'storage-key', 'lang'], (e) => {
      expect([e.value, e.min, e.max, e.step].every(finite)).toBe(true);
      expect(e.min).toBeGreaterThanOrEqual(50);
      expect(e.max).toBeLessThanOrEqual(500);
      expect(e.min).toBeLessThanOrEqual(e.value);
      expect(e.value).toBeLessThanOrEqual(e.max);
      expect(e.step).toBeGreaterThanOrEqual(1);
      expect(e.step).toBeLessThanOrEqual(100);
      const buttons = e.shadowRoot!.querySelectorAll('button');
      expect(buttons).toHaveLength(3);
      for (const b of buttons) expect(['true', 'false', null]).toContain(b.getAttribute('aria-disabled'));
      expect(e.getAttribute('value')).toBe(String(e.value));
    });
    // Pressing A+ and A- after all that still moves within the range.
    const [minus, , plus] = el.shadowRoot!.querySelectorAll('button');
    for (const b of [plus, plus, minus]) (b as HTMLElement).click();
    await el.updateComplete;
    expect(el.min <= el.value && el.value <= el.max).toBe(true);
  }, 120_000);

  it('<ar-contrast-toggle>: mode always high | dark | yellow, aria-pressed follows pressed, the target gets a valid theme', async () => {
    const el = await create<ArContrastToggle>('ar-contrast-toggle');
    await fuzz(el, ['pressed', 'mode', 'target', 'storage-key', 'lang'], (e) => {
      expect(['high', 'dark', 'yellow']).toContain(e.mode);
      expect(typeof e.pressed).toBe('boolean');
      const button = e.shadowRoot!.querySelector('button')!;
      expect(button.getAttribute('aria-pressed')).toBe(String(e.pressed));
      expect(text(button).trim()).not.toBe('');
      for (const themed of document.querySelectorAll('[data-ar-contrast]')) expect(['high', 'dark', 'yellow']).toContain(themed.getAttribute('data-ar-contrast'));
    });
  }, 120_000);

  it('<ar-rating>: whole 1–10 stars, 0 <= value <= max, 0 <= average <= max, whole count >= 0, timeout 1–60 s, status in its set; renders', async () => {
    const el = await create<ArRating>('ar-rating');
    await fuzz(el, ['value', 'max', 'average', 'count', 'timeout', 'readonly', 'disabled', 'name', 'endpoint', 'storage-key', 'lang'], (e) => {
      expect(Number.isInteger(e.max) && e.max >= 1 && e.max <= 10).toBe(true);
      expect(Number.isInteger(e.value) && e.value >= 0 && e.value <= e.max).toBe(true);
      expect(finite(e.average) && e.average >= 0 && e.average <= e.max).toBe(true);
      expect(Number.isInteger(e.count) && e.count >= 0).toBe(true);
      expect(e.timeout >= 1000 && e.timeout <= 60000).toBe(true);
      expect(['idle', 'submitting', 'sent', 'error']).toContain(e.status);
      expect(e.getAttribute('status')).toBe(e.status);
      const summary = text(e.shadowRoot!.querySelector('[part=summary]'));
      expect(summary).not.toMatch(/NaN|Infinity|undefined|^$/);
      const radios = e.shadowRoot!.querySelectorAll('input[type=radio]');
      expect(radios).toHaveLength(e.readonly ? 0 : e.max);
      expect([...radios].filter((r) => (r as HTMLInputElement).checked)).toHaveLength(e.value && !e.readonly ? 1 : 0);
    });
  }, 120_000);

  it('<ar-related-articles>: max 1–100, heading level 2–6, timeout 1–60 s, status in its set; only http(s) sources are fetched', async () => {
    const fetched: string[] = [];
    // No real requests: every fetch gets a 404 at once. What matters here is what would be fetched.
    vi.spyOn(window, 'fetch').mockImplementation(async (input) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return new Response('not found', { status: 404 });
    });
    const el = await create<ArRelatedArticles>('ar-related-articles');
    el.innerHTML = '<a href="/a">Bài một</a><a href="javascript:window.__fuzzXss=4">Bài hai</a>';
    await fuzz(el, ['src', 'max', 'heading', 'heading-level', 'timeout', 'lang'], (e) => {
      expect(finite(e.max) && e.max >= 1 && e.max <= 100).toBe(true);
      expect([2, 3, 4, 5, 6]).toContain(e.headingLevel);
      expect(e.timeout >= 1000 && e.timeout <= 60000).toBe(true);
      expect(['loading', 'ready', 'empty', 'error']).toContain(e.status);
      const heading = e.shadowRoot!.querySelector('[part=heading]')!;
      expect(heading.localName).toBe(`h${e.headingLevel}`);
      expect(text(heading).trim()).not.toBe('');
      for (const a of e.shadowRoot!.querySelectorAll('a')) expect(new URL(a.href).protocol).toMatch(/^https?:$/);
      expect(e.shadowRoot!.querySelectorAll('[part=link]').length).toBeLessThanOrEqual(Math.floor(e.max));
    });
    expect(fetched.length).toBeGreaterThan(0);
    for (const url of fetched) expect(new URL(url, location.href).protocol).toMatch(/^https?:$/);
  }, 120_000);
});

describe('fuzzing: properties set from script', () => {
  it('number properties of every component take any JavaScript value and end valid', async () => {
    const rand = prng(SEED + 1);
    const font = await create<ArFontSize>('ar-font-size');
    const rating = document.createElement('ar-rating') as ArRating;
    const related = document.createElement('ar-related-articles') as ArRelatedArticles;
    host.append(rating, related);
    const props: Array<[HTMLElement & { updateComplete: Promise<boolean> }, string[]]> = [
      [font, ['value', 'min', 'max', 'step']],
      [rating, ['value', 'max', 'average', 'count', 'timeout']],
      [related, ['max', 'headingLevel', 'timeout']],
    ];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [el, names] of props) for (const name of names) if (rand() < 0.5) (el as unknown as Record<string, unknown>)[name] = randomAny(rand);
      for (const [el] of props) await el.updateComplete;
      for (const [el] of props) await el.updateComplete;
      expect(font.min <= font.value && font.value <= font.max && [font.value, font.min, font.max, font.step].every(finite)).toBe(true);
      expect(Number.isInteger(rating.value) && rating.value >= 0 && rating.value <= rating.max && rating.max <= 10).toBe(true);
      expect(finite(rating.average) && Number.isInteger(rating.count)).toBe(true);
      expect([2, 3, 4, 5, 6]).toContain(related.headingLevel);
      expect(finite(related.max) && related.max >= 1 && related.max <= 100).toBe(true);
    }
  }, 120_000);

  it('<ar-related-articles> items: 1,000 random lists; only items with a title and an http(s) link are shown, never more than max', async () => {
    const rand = prng(SEED + 2);
    const el = await create<ArRelatedArticles>('ar-related-articles');
    const URLS = ['https://example.gov.vn/a', '/tin/b', 'tin-c.html', '?p=1', 'javascript:window.__fuzzXss=5', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,x', 'vbscript:x', 'blob:https://x/y', 'file:///etc/passwd', 'mailto:a@b.vn', '//cdn.example/x', 'http://[::1', ''];
    const item = () => {
      const o: Record<string, unknown> = {};
      for (const k of ['title', 'url', 'date', 'image', 'imageAlt']) {
        const r = rand();
        if (r < 0.3) o[k] = k === 'url' || k === 'image' ? URLS[Math.floor(rand() * URLS.length)] : randomValue(rand);
        else if (r < 0.8) o[k] = randomAny(rand);
      }
      if (rand() < 0.05) Object.defineProperty(o, 'title', { get: () => { throw new Error('hostile getter'); } });
      return rand() < 0.05 ? randomAny(rand) : o;
    };
    for (let round = 0; round < ROUNDS; round++) {
      const r = rand();
      const items = r < 0.85 ? Array.from({ length: Math.floor(rand() * 15) }, item) : randomAny(rand);
      el.items = items as ArRelatedArticles['items'];
      if (rand() < 0.2) el.max = Math.floor(rand() * 12);
      await el.updateComplete;
      await el.updateComplete;
      const links = [...el.shadowRoot!.querySelectorAll('a')];
      expect(links.length).toBeLessThanOrEqual(Math.floor(el.max));
      for (const a of links) {
        expect(new URL(a.href).protocol).toMatch(/^https?:$/);
        expect(text(a).trim()).not.toBe('');
      }
      for (const img of el.shadowRoot!.querySelectorAll('img')) expect(new URL(img.src).protocol).toMatch(/^https?:$/);
      expect(el.shadowRoot!.querySelectorAll('script, iframe, object, embed')).toHaveLength(0);
      expect(['ready', 'empty']).toContain(el.status);
      expect(el.status === 'ready').toBe(links.length > 0);
    }
  }, 120_000);
});
