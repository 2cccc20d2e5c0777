/// <reference types="vite/client" />
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import '@accessible-reader/components/contrast-toggle/define.js';
import type { ArContrastToggle, ContrastMode } from '@accessible-reader/components';
import contrastCss from '../../packages/components/src/contrast-toggle/contrast.css?raw';
import { axeViolations } from '../support/axe';
import { contrastRatio, drawnBackground, drawnTextColor, paintedContrast } from '../support/contrast';
import { fixture, settle } from '../support/fixture';

const root = document.documentElement;
const MODES: ContrastMode[] = ['high', 'dark', 'yellow'];
/** The solid background each theme paints, as getComputedStyle reports it. */
const THEME_BG: Record<ContrastMode, string> = { high: 'rgb(255, 255, 255)', dark: 'rgb(0, 0, 0)', yellow: 'rgb(0, 0, 0)' };

const theme = document.createElement('style');
theme.textContent = contrastCss;

/** matchMedia as on a system that asks for more contrast (or not); every other query is answered for real. */
function stubPrefersContrast(more: boolean) {
  const real = window.matchMedia.bind(window);
  return vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => {
    if (!query.includes('prefers-contrast')) return real(query);
    const list = real('not all');
    return Object.defineProperties(list, { matches: { value: more }, media: { value: query } });
  });
}

const button = () => page.getByRole('button', { name: /Tương phản cao|High contrast/ });
const shadowButton = (el: ArContrastToggle) => el.shadowRoot!.querySelector('button')!;

beforeAll(() => document.head.append(theme));
afterAll(() => theme.remove());
beforeEach(() => {
  localStorage.clear();
  document.body.replaceChildren();
  root.removeAttribute('data-ar-contrast');
  stubPrefersContrast(false);
});
afterEach(() => vi.restoreAllMocks());

describe('<ar-contrast-toggle>', () => {
  it('is a toggle button named by its visible text, in Vietnamese and English', async () => {
    const el = await fixture<ArContrastToggle>('<ar-contrast-toggle></ar-contrast-toggle>');
    await expect.element(page.getByRole('button', { name: 'Tương phản cao' })).toHaveAttribute('aria-pressed', 'false');
    expect(shadowButton(el).innerText.trim()).toBe('Tương phản cao');

    const en = await fixture<ArContrastToggle>('<ar-contrast-toggle></ar-contrast-toggle>', 'en');
    await expect.element(page.getByRole('button', { name: 'High contrast' })).toBeVisible();
    expect(shadowButton(en).innerText.trim()).toBe('High contrast');
    en.setAttribute('lang', 'vi-VN');
    await settle(en);
    await expect.element(page.getByRole('button', { name: 'Tương phản cao' })).toBeVisible();
  });

  it('toggles aria-pressed and the theme on the root by click, Enter and Space; the label never changes', async () => {
    const el = await fixture<ArContrastToggle>('<ar-contrast-toggle></ar-contrast-toggle>');
    const indicator = el.shadowRoot!.querySelector('[part="indicator"]')!;
    expect(indicator.getAttribute('aria-hidden')).toBe('true');
    expect(getComputedStyle(indicator, '::after').content).toBe('none');

    await button().click();
    await settle(el);
    await expect.element(page.getByRole('button', { name: 'Tương phản cao', pressed: true })).toBeVisible();
    expect(el.pressed).toBe(true);
    expect(el.hasAttribute('pressed')).toBe(true);
    expect(root.getAttribute('data-ar-contrast')).toBe('high');
    expect(shadowButton(el).innerText.trim()).toBe('Tương phản cao');
    // The state is also shown by shape (a check mark), not by colour alone.
    expect(getComputedStyle(indicator, '::after').content).toBe('""');

    await userEvent.keyboard('{Enter}');
    await settle(el);
    await expect.element(page.getByRole('button', { name: 'Tương phản cao', pressed: false })).toBeVisible();
    expect(root.hasAttribute('data-ar-contrast')).toBe(false);

    await userEvent.keyboard(' ');
    await settle(el);
    expect(shadowButton(el).getAttribute('aria-pressed')).toBe('true');
    expect(root.getAttribute('data-ar-contrast')).toBe('high');
    expect(shadowButton(el).innerText.trim()).toBe('Tương phản cao');
  });

  it('is reached with Tab', async () => {
    const el = await fixture<ArContrastToggle>('<ar-contrast-toggle></ar-contrast-toggle>');
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement).toBe(shadowButton(el));
    await userEvent.keyboard(' ');
    await settle(el);
    expect(el.pressed).toBe(true);
  });

  it('themes only its target, restores the value the target had, and cleans up when removed', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const article = document.createElement('article');
    article.id = 'story';
    article.setAttribute('data-ar-contrast', 'yellow');
    const el = document.createElement('ar-contrast-toggle');
    el.setAttribute('target', '#story');
    el.setAttribute('pressed', '');
    document.body.append(article, el);
    await settle(el);
    expect(article.getAttribute('data-ar-contrast')).toBe('high');
    expect(root.hasAttribute('data-ar-contrast')).toBe(false);
    await button().click();
    await settle(el);
    expect(article.getAttribute('data-ar-contrast')).toBe('yellow');
    await button().click();
    await settle(el);
    expect(article.getAttribute('data-ar-contrast')).toBe('high');
    el.remove();
    expect(article.getAttribute('data-ar-contrast')).toBe('yellow');

    // Moved back into the page: the theme applies again.
    document.body.append(el);
    await settle(el);
    expect(article.getAttribute('data-ar-contrast')).toBe('high');
    el.remove();

    const plain = await fixture<ArContrastToggle>('<ar-contrast-toggle pressed></ar-contrast-toggle>');
    expect(root.getAttribute('data-ar-contrast')).toBe('high');
    plain.remove();
    expect(root.hasAttribute('data-ar-contrast')).toBe(false);

    const bad = await fixture<ArContrastToggle>('<ar-contrast-toggle target="##nope" pressed></ar-contrast-toggle>');
    bad.mode = 'dark';
    await settle(bad);
    expect(root.getAttribute('data-ar-contrast')).toBe('dark');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('follows a mode change while pressed, and only themes while pressed', async () => {
    const el = await fixture<ArContrastToggle>('<ar-contrast-toggle mode="dark" pressed></ar-contrast-toggle>');
    expect(root.getAttribute('data-ar-contrast')).toBe('dark');
    el.mode = 'yellow';
    await settle(el);
    expect(root.getAttribute('data-ar-contrast')).toBe('yellow');
    el.setAttribute('mode', 'high');
    await settle(el);
    expect(root.getAttribute('data-ar-contrast')).toBe('high');
    el.pressed = false;
    await settle(el);
    el.mode = 'dark';
    await settle(el);
    expect(root.hasAttribute('data-ar-contrast')).toBe(false);
    expect(shadowButton(el).getAttribute('aria-pressed')).toBe('false');
  });

  it('fires change only on user action, after the theme is applied', async () => {
    const el = await fixture<ArContrastToggle>('<ar-contrast-toggle mode="yellow"></ar-contrast-toggle>');
    const seen: (string | null)[] = [];
    const onChange = vi.fn((_event: Event) => {
      seen.push(root.getAttribute('data-ar-contrast'));
    });
    document.addEventListener('change', onChange);
    try {
      el.pressed = true;
      await settle(el);
      expect(root.getAttribute('data-ar-contrast')).toBe('yellow');
      el.pressed = false;
      await settle(el);
      expect(onChange).not.toHaveBeenCalled();

      await button().click();
      expect(onChange).toHaveBeenCalledTimes(1);
      expect(onChange.mock.calls[0]![0]).toMatchObject({ bubbles: true, composed: true });
      expect(seen).toEqual(['yellow']);
      await button().click();
      expect(onChange).toHaveBeenCalledTimes(2);
      expect(seen).toEqual(['yellow', null]);
    } finally {
      document.removeEventListener('change', onChange);
    }
  });

  it('saves the state under storage-key and restores it; ignores corrupt storage with one warning', async () => {
    const el = await fixture<ArContrastToggle>('<ar-contrast-toggle storage-key="ar-test-contrast"></ar-contrast-toggle>');
    await button().click();
    await settle(el);
    expect(JSON.parse(localStorage.getItem('ar-test-contrast')!)).toBe(true);

    const again = await fixture<ArContrastToggle>('<ar-contrast-toggle storage-key="ar-test-contrast" mode="dark"></ar-contrast-toggle>');
    expect(again.pressed).toBe(true);
    expect(root.getAttribute('data-ar-contrast')).toBe('dark');
    await button().click();
    await settle(again);
    expect(JSON.parse(localStorage.getItem('ar-test-contrast')!)).toBe(false);
    const off = await fixture<ArContrastToggle>('<ar-contrast-toggle storage-key="ar-test-contrast" pressed></ar-contrast-toggle>');
    expect(off.pressed).toBe(false);
    expect(root.hasAttribute('data-ar-contrast')).toBe(false);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    localStorage.setItem('ar-test-contrast', '{not json');
    const corrupt = await fixture<ArContrastToggle>('<ar-contrast-toggle storage-key="ar-test-contrast"></ar-contrast-toggle>');
    expect(corrupt.pressed).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    localStorage.setItem('ar-test-contrast', '"yes"');
    const wrongType = await fixture<ArContrastToggle>('<ar-contrast-toggle storage-key="ar-test-contrast"></ar-contrast-toggle>');
    expect(wrongType.pressed).toBe(false);
    expect(warn).toHaveBeenCalledTimes(2);
    // Still works, and its next save replaces the bad value.
    await button().click();
    await settle(wrongType);
    expect(root.getAttribute('data-ar-contrast')).toBe('high');
    expect(localStorage.getItem('ar-test-contrast')).toBe('true');
  });

  it('starts pressed when the system asks for more contrast, unless a stored choice says otherwise', async () => {
    vi.restoreAllMocks();
    const matchMedia = stubPrefersContrast(true);
    const el = document.createElement('ar-contrast-toggle');
    const onChange = vi.fn();
    el.addEventListener('change', onChange);
    document.body.append(el);
    await settle(el);
    expect(matchMedia).toHaveBeenCalledWith('(prefers-contrast: more)');
    expect(el.pressed).toBe(true);
    expect(shadowButton(el).getAttribute('aria-pressed')).toBe('true');
    expect(root.getAttribute('data-ar-contrast')).toBe('high');
    expect(onChange).not.toHaveBeenCalled();

    localStorage.setItem('ar-test-contrast', 'false');
    const stored = await fixture<ArContrastToggle>('<ar-contrast-toggle storage-key="ar-test-contrast"></ar-contrast-toggle>');
    expect(stored.pressed).toBe(false);
    expect(root.hasAttribute('data-ar-contrast')).toBe(false);

    vi.restoreAllMocks();
    stubPrefersContrast(false);
    const none = await fixture<ArContrastToggle>('<ar-contrast-toggle></ar-contrast-toggle>');
    expect(none.pressed).toBe(false);
    localStorage.setItem('ar-test-contrast', 'true');
    const storedOn = await fixture<ArContrastToggle>('<ar-contrast-toggle storage-key="ar-test-contrast"></ar-contrast-toggle>');
    expect(storedOn.pressed).toBe(true);
  });

  it('warns once about a bad mode and uses high', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const el = await fixture<ArContrastToggle>('<ar-contrast-toggle mode="purple" pressed></ar-contrast-toggle>');
    expect(el.mode).toBe('high');
    expect(root.getAttribute('data-ar-contrast')).toBe('high');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('purple');
    el.setAttribute('mode', 'neon');
    await settle(el);
    await button().click();
    await button().click();
    await settle(el);
    expect(root.getAttribute('data-ar-contrast')).toBe('high');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('gives the button a target of at least 44 x 44 CSS px', async () => {
    const el = await fixture<ArContrastToggle>('<ar-contrast-toggle></ar-contrast-toggle>');
    const box = shadowButton(el).getBoundingClientRect();
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
  });

  it.each([
    ['off', '<ar-contrast-toggle></ar-contrast-toggle>', 'vi'],
    ['high', '<ar-contrast-toggle pressed></ar-contrast-toggle>', 'vi'],
    ['dark', '<ar-contrast-toggle pressed mode="dark"></ar-contrast-toggle>', 'vi'],
    ['yellow', '<ar-contrast-toggle pressed mode="yellow"></ar-contrast-toggle>', 'vi'],
    ['English, dark', '<ar-contrast-toggle pressed mode="dark"></ar-contrast-toggle>', 'en'],
  ])('passes axe-core %s (with contrast.css applied)', async (state, markup, lang) => {
    await fixture(markup, lang);
    expect(root.getAttribute('data-ar-contrast')).toBe(state === 'off' ? null : state.replace('English, ', ''));
    expect(await axeViolations()).toEqual([]);
  });

  it('keeps the pressed state visible under forced colors', async () => {
    const el = await fixture<ArContrastToggle>('<ar-contrast-toggle></ar-contrast-toggle>');
    const session = cdp();
    await session.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
    try {
      expect(matchMedia('(forced-colors: active)').matches).toBe(true);
      const off = getComputedStyle(shadowButton(el)).backgroundColor;
      el.pressed = true;
      await settle(el);
      const on = getComputedStyle(shadowButton(el)).backgroundColor;
      const probe = document.createElement('span');
      probe.style.cssText = 'forced-color-adjust: none; background-color: Highlight';
      document.body.append(probe);
      expect(on).toBe(getComputedStyle(probe).backgroundColor);
      expect(on).not.toBe(off);
      expect(getComputedStyle(el.shadowRoot!.querySelector('[part="indicator"]')!, '::after').content).toBe('""');
    } finally {
      await session.send('Emulation.setEmulatedMedia', { features: [] });
    }
  });
});

/** A ward news article as the portals style it: pale greys forced with !important, inline and in the stylesheet. */
const ARTICLE = `
  <style>
    #story .meta { color: #aaa !important; background: #eee url("data:image/gif;base64,R0lGODlhAQABAAAAACw=") !important; }
    #story a { color: #6fa8dc !important; text-decoration: none !important; }
    #story figcaption { color: #bbb !important; text-shadow: 0 0 2px #fff; }
    #story img { filter: invert(1) grayscale(1) !important; }
    #story button { color: #ccc !important; background: #fff !important; border: 1px solid #f0f0f0 !important; }
    #story th, #story td { color: #888 !important; background-color: #fafafa !important; border: 1px solid #f4f4f4; }
    #story .note::before { content: 'Lưu ý: '; color: #c8c8c8 !important; background: #f0f0f0 !important; }
    #story ::placeholder { color: #ddd !important; }
    #story :focus { outline: none !important; }
  </style>
  <article id="story" style="background: #f5f5f5 !important; color: #777 !important; font-size: 16px">
    <h2 style="color: #999 !important">Phường tổ chức hội nghị tiếp xúc cử tri</h2>
    <p class="meta">Cập nhật: 12/11/2026</p>
    <p class="lead" style="color: #777 !important; background-color: #f5f5f5 !important; font-size: 15px !important">
      Sáng nay, Ủy ban nhân dân phường đã tổ chức hội nghị tiếp xúc cử tri.
    </p>
    <p>Hội nghị có <a href="/tin-khac">hơn 200 cử tri</a> và <strong style="color: #aaa !important">lãnh đạo phường</strong> tham dự.</p>
    <figure>
      <img alt="Quang cảnh hội nghị" width="120" height="80"
        src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='120' height='80'%3E%3Crect width='120' height='80' fill='%2300ff00'/%3E%3C/svg%3E">
      <figcaption>Ảnh: Ban biên tập</figcaption>
    </figure>
    <p class="note">Mọi ý kiến xin gửi về Văn phòng phường.</p>
    <button type="button">Chia sẻ</button>
    <table><tbody><tr><th scope="row">Điện thoại</th><td>0236 3 123 456</td></tr></tbody></table>
    <input type="search" placeholder="Tìm kiếm" aria-label="Tìm kiếm">
  </article>
`;

/** Every rendered element that holds text of its own, including inside shadow roots. */
function textHolders(from: Node, found = new Set<Element>()): Element[] {
  for (const child of from.childNodes) {
    if (child.nodeType === Node.TEXT_NODE && child.textContent!.trim()) {
      const parent = child.parentElement!;
      if (!['STYLE', 'SCRIPT'].includes(parent.tagName) && parent.getClientRects().length && !parent.closest('.vh')) found.add(parent);
    } else if (child instanceof Element) {
      textHolders(child, found);
      if (child.shadowRoot) textHolders(child.shadowRoot, found);
    }
  }
  return [...found];
}

/** Texts under 7:1, described so that a failure says which element and which colours. */
function lowContrast(scope: Node): string[] {
  return textHolders(scope).flatMap((el) => {
    const fg = drawnTextColor(el);
    const bg = drawnBackground(el);
    const ratio = contrastRatio(fg, bg);
    return ratio >= 7 ? [] : [`${el.localName} "${el.textContent!.trim().slice(0, 20)}": ${fg} on ${bg} = ${ratio.toFixed(2)}`];
  });
}

describe('contrast.css', () => {
  it('measures the sample article as unreadable before the theme (the check can fail)', async () => {
    await fixture(ARTICLE);
    expect(lowContrast(document.body).length).toBeGreaterThanOrEqual(6);
    // getComputedStyle really reads the pseudo-elements checked below.
    expect(getComputedStyle(document.querySelector('#story input')!, '::placeholder').color).toBe('rgb(221, 221, 221)');
    expect(getComputedStyle(document.querySelector('#story .note')!, '::before').color).toBe('rgb(200, 200, 200)');
  });

  it.each(MODES)('gives every text 7:1 on the root in %s mode, links underlined, images unfiltered', async (mode) => {
    await fixture(ARTICLE);
    const toggle = document.createElement('ar-contrast-toggle');
    toggle.mode = mode;
    toggle.pressed = true;
    // Inside the article, whose inline colour the theme paints over: the button must keep its own colours.
    document.querySelector('#story')!.prepend(toggle);
    await settle(toggle);
    expect(root.getAttribute('data-ar-contrast')).toBe(mode);

    expect(lowContrast(document.body)).toEqual([]);
    expect(textHolders(document.body).length).toBeGreaterThanOrEqual(12);
    expect(drawnBackground(document.querySelector('#story .lead')!)).toBe(THEME_BG[mode]);

    const link = document.querySelector<HTMLAnchorElement>('#story a')!;
    expect(getComputedStyle(link).textDecorationLine).toBe('underline');
    expect(drawnTextColor(link)).not.toBe(drawnTextColor(link.parentElement!));
    const img = document.querySelector('#story img')!;
    expect(getComputedStyle(img).filter).toBe('none');

    // Text generated by CSS, and placeholders.
    const note = document.querySelector('#story .note')!;
    const before = getComputedStyle(note, '::before');
    expect(before.content).toBe('"Lưu ý: "');
    expect(contrastRatio(before.webkitTextFillColor, drawnBackground(note))).toBeGreaterThanOrEqual(7);
    expect(before.backgroundColor).toBe('rgba(0, 0, 0, 0)');
    const input = document.querySelector('#story input')!;
    expect(contrastRatio(getComputedStyle(input, '::placeholder').webkitTextFillColor, drawnBackground(input))).toBeGreaterThanOrEqual(7);

    // Borders of controls and cells, the focus outline and selected text stand out.
    for (const el of document.querySelectorAll('#story button, #story td')) {
      expect(contrastRatio(getComputedStyle(el).borderTopColor, drawnBackground(el))).toBeGreaterThanOrEqual(7);
    }
    (input as HTMLInputElement).focus();
    const focus = getComputedStyle(input);
    expect(focus.outlineStyle).toBe('solid');
    expect(parseFloat(focus.outlineWidth)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(focus.outlineColor, THEME_BG[mode])).toBeGreaterThanOrEqual(3);
    const selection = getComputedStyle(link.parentElement!, '::selection');
    expect(selection.backgroundColor).not.toBe(THEME_BG[mode]);
    expect(contrastRatio(selection.webkitTextFillColor, selection.backgroundColor)).toBeGreaterThanOrEqual(7);
  });

  it.each(MODES)('paints what it claims in %s mode (measured on screenshot pixels)', async (mode) => {
    await fixture(ARTICLE);
    const lead = document.querySelector('#story .lead')!;
    expect((await paintedContrast(await page.screenshot({ element: lead, save: false }))).ratio).toBeLessThan(7);
    root.setAttribute('data-ar-contrast', mode);
    for (const selector of ['#story h2', '#story .meta', '#story .lead', '#story strong', '#story a', '#story figcaption', '#story td']) {
      const shot = await page.screenshot({ element: document.querySelector(selector)!, save: false });
      const painted = await paintedContrast(shot);
      expect({ selector, background: painted.background, enough: painted.ratio >= 7 }).toEqual({ selector, background: THEME_BG[mode], enough: true });
    }
    const img = await paintedContrast(await page.screenshot({ element: document.querySelector('#story img')!, save: false }));
    expect(img.background).toBe('rgb(0, 255, 0)');
  });

  it('themes a target element and leaves the rest of the page alone', async () => {
    await fixture(`${ARTICLE}<p id="outside" style="color: #999">Chân trang</p>`);
    const toggle = document.createElement('ar-contrast-toggle');
    toggle.setAttribute('target', '#story');
    toggle.setAttribute('mode', 'dark');
    toggle.pressed = true;
    document.body.append(toggle);
    await settle(toggle);
    const story = document.querySelector('#story')!;
    expect(story.getAttribute('data-ar-contrast')).toBe('dark');
    expect(lowContrast(story)).toEqual([]);
    expect(drawnBackground(story)).toBe('rgb(0, 0, 0)');
    expect(getComputedStyle(document.querySelector('#outside')!).color).toBe('rgb(153, 153, 153)');
    expect(getComputedStyle(document.body).backgroundColor).toBe('rgba(0, 0, 0, 0)');
  });

  it('leaves Windows High Contrast (forced colors) to the system', async () => {
    await fixture(ARTICLE);
    root.setAttribute('data-ar-contrast', 'yellow');
    const link = document.querySelector('#story a')!;
    const img = document.querySelector('#story img')!;
    expect(getComputedStyle(link).textDecorationLine).toBe('underline');
    const session = cdp();
    await session.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
    try {
      // The page's own rules are back (the system then forces its colours on them): no theme rule applies.
      expect(getComputedStyle(link).textDecorationLine).toBe('none');
      expect(getComputedStyle(img).filter).not.toBe('none');
    } finally {
      await session.send('Emulation.setEmulatedMedia', { features: [] });
    }
  });
});
