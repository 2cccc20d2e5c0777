import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  MAX_IMPORT_BYTES,
  applyCommand,
  compactEntry,
  effectiveSettings,
  hostOfUrl,
  isEnabled,
  isGovHost,
  normalizeHost,
  parseImport,
  sitesFromSnapshot,
  toExport,
  validateSettings,
  validateSiteEntry,
  type Settings,
} from '../../extension/lib/settings';

const big: Settings = { fontScale: 2, contrast: 'high', spacing: 'wcag', font: 'legible', hideClutter: true, toolbar: false, minFontSize: 24, minContrast: 7 };

describe('validateSettings (every read from storage)', () => {
  it('keeps a valid value as it is', () => {
    expect(validateSettings(big)).toEqual(big);
  });

  it('turns anything that is not an object into the fallback, without throwing', () => {
    for (const junk of [null, undefined, 42, 'big', [], true, () => 1]) expect(validateSettings(junk)).toEqual(DEFAULT_SETTINGS);
    expect(validateSettings('x', big)).toEqual(big);
  });

  it('repairs field by field: valid fields stay, invalid ones take the fallback, unknown ones are dropped', () => {
    const out = validateSettings({ fontScale: 'huge', contrast: 'neon', spacing: 'wcag', font: 7, hideClutter: 'yes', toolbar: false, evil: '<script>' });
    expect(out).toEqual({ ...DEFAULT_SETTINGS, spacing: 'wcag', toolbar: false });
    expect(out).not.toHaveProperty('evil');
  });

  it('clamps the scale to 1–3 and rounds it to two decimals', () => {
    expect(validateSettings({ fontScale: 9 }).fontScale).toBe(3);
    expect(validateSettings({ fontScale: 0.2 }).fontScale).toBe(1);
    expect(validateSettings({ fontScale: 1.1 + 0.1 + 0.1 }).fontScale).toBe(1.3);
    expect(validateSettings({ fontScale: Number.NaN }).fontScale).toBe(1);
    expect(validateSettings({ fontScale: Infinity }).fontScale).toBe(1);
  });
});

describe('site entries', () => {
  it('a corrupt entry becomes {} (the defaults); a partly corrupt one keeps what is valid', () => {
    expect(validateSiteEntry('garbage')).toEqual({});
    expect(validateSiteEntry({ enabled: 'yes', settings: 5 })).toEqual({});
    expect(validateSiteEntry({ enabled: false, settings: { contrast: 'dark', fontScale: 'x' } }, big)).toEqual({
      enabled: false,
      settings: { ...big, contrast: 'dark' },
    });
  });

  it('one corrupt site never costs the others, and metadata and junk keys are skipped', () => {
    const sites = sitesFromSnapshot({
      defaults: big,
      'site:a.gov.vn': { enabled: true, settings: big },
      'site:a.gov.vn$': { v: 1 },
      'site:b.gov.vn': '}{corrupt',
      'site:not a host!': { enabled: true },
      other: 1,
    });
    expect(sites).toEqual({ 'a.gov.vn': { enabled: true, settings: big }, 'b.gov.vn': {} });
    expect(sitesFromSnapshot('corrupt')).toEqual({});
  });

  it('on by default on government hosts only; an explicit choice wins', () => {
    expect(isGovHost('portal.hanoi.gov.vn')).toBe(true);
    expect(isGovHost('gov.vn')).toBe(true);
    expect(isGovHost('notgov.vn')).toBe(false);
    expect(isGovHost('gov.vn.evil.com')).toBe(false);
    expect(isEnabled('a.gov.vn', undefined)).toBe(true);
    expect(isEnabled('a.gov.vn', { enabled: false })).toBe(false);
    expect(isEnabled('example.com', {})).toBe(false);
    expect(isEnabled('example.com', { enabled: true })).toBe(true);
  });

  it('a site uses its own settings when it has them, the defaults otherwise', () => {
    expect(effectiveSettings(big, {})).toEqual(big);
    expect(effectiveSettings(DEFAULT_SETTINGS, { settings: big })).toEqual(big);
  });

  it('compactEntry drops entries that say nothing', () => {
    expect(compactEntry({})).toBeNull();
    expect(compactEntry({ enabled: false })).toEqual({ enabled: false });
  });
});

describe('hosts', () => {
  it('normalises host names and refuses what is not one', () => {
    expect(normalizeHost('Portal.HaNoi.gov.vn.')).toBe('portal.hanoi.gov.vn');
    expect(normalizeHost('xn--b-gov-7wa.vn')).toBe('xn--b-gov-7wa.vn');
    expect(normalizeHost('[::1]')).toBe('[::1]');
    for (const bad of ['', 'a b', 'a/b', '-a.vn', 'a..vn', 'x'.repeat(254), 42, null]) expect(normalizeHost(bad)).toBeNull();
  });

  it('only http(s) pages have a host the reader can work on', () => {
    expect(hostOfUrl('https://portal.hanoi.gov.vn:8443/tin-tuc?id=1')).toBe('portal.hanoi.gov.vn');
    for (const url of ['chrome://extensions', 'file:///tmp/a.html', 'about:blank', 'not a url', undefined]) expect(hostOfUrl(url)).toBeNull();
  });
});

describe('shortcut commands', () => {
  it('larger / smaller text step 25 points within 100–300%; contrast toggles high and off', () => {
    expect(applyCommand(DEFAULT_SETTINGS, 'increase-text').fontScale).toBe(1.25);
    expect(applyCommand({ ...DEFAULT_SETTINGS, fontScale: 2.9 }, 'increase-text').fontScale).toBe(3);
    expect(applyCommand({ ...DEFAULT_SETTINGS, fontScale: 1.1 }, 'decrease-text').fontScale).toBe(1);
    expect(applyCommand({ ...DEFAULT_SETTINGS, fontScale: 1.5 }, 'decrease-text').fontScale).toBe(1.25);
    expect(applyCommand(DEFAULT_SETTINGS, 'toggle-contrast').contrast).toBe('high');
    expect(applyCommand({ ...DEFAULT_SETTINGS, contrast: 'yellow' }, 'toggle-contrast').contrast).toBe('off');
  });
});

describe('export and import', () => {
  const sites = { 'a.gov.vn': { enabled: false }, 'example.com': { enabled: true, settings: big }, 'empty.gov.vn': {} };

  it('round-trips', () => {
    const file = JSON.stringify(toExport(big, sites));
    const back = parseImport(file);
    expect(back).toEqual({ ok: true, defaults: big, sites: { 'a.gov.vn': { enabled: false }, 'example.com': { enabled: true, settings: big } } });
  });

  it('refuses, with a reason, anything that is not a valid export', () => {
    const good = toExport(big, sites);
    const cases: [string, string][] = [
      ['{ not json', 'not-json'],
      ['[]', 'not-ours'],
      [JSON.stringify({ ...good, format: 'something-else' }), 'not-ours'],
      [JSON.stringify({ ...good, version: 0 }), 'not-ours'],
      [JSON.stringify({ ...good, version: 99 }), 'newer-version'],
      [JSON.stringify({ ...good, defaults: { ...big, fontScale: 12 } }), 'bad-defaults'],
      [JSON.stringify({ ...good, defaults: { ...big, extra: 1 } }), 'bad-defaults'],
      [JSON.stringify({ ...good, sites: [] }), 'bad-site'],
      [JSON.stringify({ ...good, sites: { 'a.gov.vn': { enabled: 'yes' } } }), 'bad-site'],
      [JSON.stringify({ ...good, sites: { 'bad host': {} } }), 'bad-site'],
      [JSON.stringify({ ...good, sites: { 'a.gov.vn': { settings: { ...big, contrast: 'neon' } } } }), 'bad-site'],
      [' '.repeat(MAX_IMPORT_BYTES + 1), 'too-big'],
    ];
    for (const [text, error] of cases) expect(parseImport(text), text.slice(0, 60)).toMatchObject({ ok: false, error });
  });
});

describe('strings', () => {
  const load = (lang: string) =>
    JSON.parse(readFileSync(new URL(`../../extension/public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Record<
      string,
      { message: string; placeholders?: Record<string, { content: string }> }
    >;
  const vi = load('vi');
  const en = load('en');

  it('Vietnamese and English have the same messages with the same placeholders', () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(vi)) {
      expect(vi[key]!.placeholders, key).toEqual(en[key]!.placeholders);
      for (const name of Object.keys(vi[key]!.placeholders ?? {})) {
        expect(vi[key]!.message.toLowerCase(), key).toContain(`$${name}$`);
        expect(en[key]!.message.toLowerCase(), key).toContain(`$${name}$`);
      }
      expect(vi[key]!.message.trim(), key).not.toBe('');
    }
    expect([vi.lang!.message, en.lang!.message]).toEqual(['vi', 'en']);
  });

  it('fits the stores’ limits: name at most 45 characters, description at most 132', () => {
    for (const m of [vi, en]) {
      expect(m.extName!.message.length).toBeLessThanOrEqual(45);
      expect(m.extDescription!.message.length).toBeLessThanOrEqual(132);
    }
  });

  it('every data-i18n key used by the popup, the options and the welcome page exists', () => {
    for (const page of ['popup', 'options', 'welcome']) {
      const html = readFileSync(new URL(`../../extension/entrypoints/${page}/index.html`, import.meta.url), 'utf8');
      for (const [, key] of html.matchAll(/data-i18n="([^"]+)"/g)) expect(vi, `${page}: ${key}`).toHaveProperty(key!);
    }
  });
});
