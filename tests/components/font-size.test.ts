import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '@accessible-reader/components/font-size/define.js';
import type { ArFontSize } from '@accessible-reader/components';
import { axeViolations } from '../support/axe';
import { fixture, settle } from '../support/fixture';

const root = document.documentElement;

beforeEach(() => {
  localStorage.clear();
  root.removeAttribute('style');
});
afterEach(() => vi.restoreAllMocks());

describe('<ar-font-size>', () => {
  it('shows A- A A+ with accessible names that start with the visible text, in Vietnamese', async () => {
    await fixture('<ar-font-size></ar-font-size>');
    await expect.element(page.getByRole('group', { name: 'Cỡ chữ' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'A- Giảm cỡ chữ' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'A Cỡ chữ mặc định' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'A+ Tăng cỡ chữ' })).toBeVisible();
  });

  it('speaks English when the nearest lang is English, and follows its own lang attribute', async () => {
    const el = await fixture<ArFontSize>('<ar-font-size></ar-font-size>', 'en');
    await expect.element(page.getByRole('button', { name: 'A+ Larger text' })).toBeVisible();
    el.setAttribute('lang', 'vi-VN');
    await settle(el);
    await expect.element(page.getByRole('button', { name: 'A+ Tăng cỡ chữ' })).toBeVisible();
  });

  it('A+ really enlarges the root text, sets --ar-font-scale, announces and fires one change', async () => {
    const el = await fixture<ArFontSize>('<ar-font-size></ar-font-size>');
    const before = parseFloat(getComputedStyle(root).fontSize);
    const onChange = vi.fn();
    el.addEventListener('change', onChange);
    await page.getByRole('button', { name: /^A\+/ }).click();
    await settle(el);
    expect(el.value).toBe(110);
    expect(el.getAttribute('value')).toBe('110');
    expect(root.style.fontSize).toBe('110%');
    expect(root.style.getPropertyValue('--ar-font-scale')).toBe('1.1');
    expect(parseFloat(getComputedStyle(root).fontSize)).toBeCloseTo(before * 1.1, 1);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0]![0]).toMatchObject({ bubbles: true, composed: true });
    await expect.element(page.getByRole('status')).toHaveTextContent('Cỡ chữ 110%');
  });

  it('does not fire change when code sets the value', async () => {
    const el = await fixture<ArFontSize>('<ar-font-size></ar-font-size>');
    const onChange = vi.fn();
    el.addEventListener('change', onChange);
    el.value = 150;
    await settle(el);
    expect(root.style.fontSize).toBe('150%');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('stops at max: A+ stays focusable with aria-disabled and changes nothing', async () => {
    const el = await fixture<ArFontSize>('<ar-font-size value="190" max="200"></ar-font-size>');
    const plus = page.getByRole('button', { name: /^A\+/ });
    await plus.click();
    await settle(el);
    expect(el.value).toBe(200);
    await expect.element(plus).toHaveAttribute('aria-disabled', 'true');
    const onChange = vi.fn();
    el.addEventListener('change', onChange);
    // Playwright refuses to click aria-disabled controls; a user's click still reaches them.
    (plus.element() as HTMLElement).click();
    await settle(el);
    expect(el.value).toBe(200);
    expect(onChange).not.toHaveBeenCalled();
    (plus.element() as HTMLElement).focus();
    expect(el.shadowRoot!.activeElement).toBe(plus.element());
  });

  it('stops at min, and A returns to 100%, removing the inline size', async () => {
    const el = await fixture<ArFontSize>('<ar-font-size value="90" min="80"></ar-font-size>');
    const minus = page.getByRole('button', { name: /^A-/ });
    await minus.click();
    (minus.element() as HTMLElement).click();
    await settle(el);
    expect(el.value).toBe(80);
    await expect.element(minus).toHaveAttribute('aria-disabled', 'true');
    await page.getByRole('button', { name: /^A Cỡ/ }).click();
    await settle(el);
    expect(el.value).toBe(100);
    expect(root.style.fontSize).toBe('');
  });

  it('is operable by keyboard alone', async () => {
    const el = await fixture<ArFontSize>('<ar-font-size></ar-font-size>');
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    await settle(el);
    expect(el.value).toBe(120);
  });

  it('resizes only its target, and falls back to the root with one warning when the selector is bad', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    document.body.replaceChildren();
    const article = document.createElement('article');
    article.id = 'story';
    article.style.fontSize = '15px';
    document.body.append(article);
    const el = document.createElement('ar-font-size');
    el.setAttribute('target', '#story');
    el.setAttribute('value', '150');
    document.body.append(el);
    await settle(el);
    expect(article.style.fontSize).toBe('150%');
    expect(root.style.fontSize).toBe('');
    el.remove();
    expect(article.style.fontSize).toBe('15px');

    const bad = await fixture<ArFontSize>('<ar-font-size target="##nope" value="120"></ar-font-size>');
    bad.value = 130;
    await settle(bad);
    expect(root.style.fontSize).toBe('130%');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('saves the size under storage-key and restores it on the next load; ignores corrupt storage', async () => {
    const el = await fixture<ArFontSize>('<ar-font-size storage-key="ar-test-size"></ar-font-size>');
    await page.getByRole('button', { name: /^A\+/ }).click();
    await settle(el);
    expect(JSON.parse(localStorage.getItem('ar-test-size')!)).toBe(110);
    const again = await fixture<ArFontSize>('<ar-font-size storage-key="ar-test-size"></ar-font-size>');
    expect(again.value).toBe(110);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    localStorage.setItem('ar-test-size', '{not json');
    const corrupt = await fixture<ArFontSize>('<ar-font-size storage-key="ar-test-size"></ar-font-size>');
    expect(corrupt.value).toBe(100);
    localStorage.setItem('ar-test-size', '"huge"');
    const wrongType = await fixture<ArFontSize>('<ar-font-size storage-key="ar-test-size"></ar-font-size>');
    expect(wrongType.value).toBe(100);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['value="abc"', { value: 100 }],
    ['value="-40"', { value: 80 }],
    ['value="9999"', { value: 200 }],
    ['min="NaN" max="Infinity"', { min: 80, max: 200 }],
    ['min="300" max="100"', { min: 80, max: 200 }],
    ['step="0"', { step: 1 }],
    ['step="-3"', { step: 1 }],
  ])('clamps or ignores bad input %s with one warning and keeps working', async (attrs, expected) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const el = await fixture<ArFontSize>(`<ar-font-size ${attrs}></ar-font-size>`);
    expect(el).toMatchObject(expected);
    expect(warn).toHaveBeenCalled();
    expect(warn.mock.calls.length).toBeLessThanOrEqual(2);
    const before = el.value;
    (page.getByRole('button', { name: /^A\+/ }).element() as HTMLElement).click();
    await settle(el);
    expect(el.value).toBe(Math.min(el.max, before + el.step));
  });

  it.each([
    ['default', '<ar-font-size></ar-font-size>', 'vi'],
    ['at min', '<ar-font-size value="80"></ar-font-size>', 'vi'],
    ['at max', '<ar-font-size value="200"></ar-font-size>', 'vi'],
    ['English at max', '<ar-font-size value="200"></ar-font-size>', 'en'],
  ])('passes axe-core %s', async (_state, markup, lang) => {
    await fixture(markup, lang);
    expect(await axeViolations()).toEqual([]);
  });

  it('gives every button a target of at least 44 x 44 CSS px', async () => {
    const el = await fixture<ArFontSize>('<ar-font-size></ar-font-size>');
    for (const button of el.shadowRoot!.querySelectorAll('button')) {
      const box = button.getBoundingClientRect();
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
  });
});
