/**
 * Strings come from `_locales/<lang>/messages.json` through `browser.i18n`, which picks the browser's language
 * (Vietnamese by default: `default_locale` is `vi`). Pages mark translatable elements with `data-i18n="key"`.
 */
import { browser } from 'wxt/browser';
import en from '../public/_locales/en/messages.json';
import vi from '../public/_locales/vi/messages.json';
import { formatMessage, type MessageEntry } from './message-format';

/** A key of messages.json (WXT generates the list from the `vi` file). */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

const bundled: Record<'vi' | 'en', Record<string, MessageEntry>> = { vi, en };

/**
 * The same message from the copy of messages.json built into the page. Chromium sometimes gives a freshly
 * opened extension page an empty string for every key (seen with a popup opened right after the browser
 * started): the reader must never see a key name instead of words.
 */
function fromBundle(key: string, subs: string[]): string {
  const lang = /^vi\b/i.test(browser.i18n.getUILanguage?.() ?? 'vi') ? 'vi' : 'en';
  const entry = bundled[lang][key] ?? bundled.vi[key];
  return entry ? formatMessage(entry, subs) : key;
}

export function t(key: MessageKey, ...subs: string[]): string {
  return browser.i18n.getMessage(key, subs) || fromBundle(key, subs);
}

/** The language the strings are actually in, for `<html lang>` and for the components' `resolveLang`. */
export function uiLang(): 'vi' | 'en' {
  return t('lang') === 'en' ? 'en' : 'vi';
}

/** Fills every `[data-i18n]` text under `root`, the `__MSG_key__` document title, and sets the page language. */
export function localize(root: ParentNode = document): void {
  document.documentElement.lang = uiLang();
  const title = /^__MSG_(\w+)__$/.exec(document.title);
  if (title) document.title = t(title[1] as MessageKey);
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as MessageKey);
}

/** `150 %` in the reader's locale (vi puts a space before the sign). */
export function percent(scale: number): string {
  return new Intl.NumberFormat(uiLang() === 'vi' ? 'vi-VN' : 'en-US', { style: 'percent', maximumFractionDigits: 0 }).format(scale);
}
