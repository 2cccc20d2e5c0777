import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, resolveSettings, retrofit } from '@accessible-reader/retrofit';
import { openPage } from './support/page';
import { SAMPLES } from './pages';

describe('settings', () => {
  afterEach(() => vi.restoreAllMocks());

  it('defaults: the page as it is, nothing shown', () => {
    expect(DEFAULT_SETTINGS).toEqual({ fontScale: 1, contrast: 'off', spacing: 'off', font: 'page', hideClutter: false, toolbar: false, minFontSize: 0, minContrast: 0 });
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
    expect(resolveSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('valid partial settings are merged over the base', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const base = resolveSettings({ fontScale: 2, contrast: 'dark' });
    expect(resolveSettings({ spacing: 'wcag', hideClutter: true }, base)).toEqual({ ...DEFAULT_SETTINGS, fontScale: 2, contrast: 'dark', spacing: 'wcag', hideClutter: true });
    expect(resolveSettings({ font: 'legible', toolbar: true, fontScale: 1.234 }).fontScale).toBe(1.23);
    expect(warn).not.toHaveBeenCalled();
  });

  it('minimums are 0 (off) or clamped into their bounds, with one warning per call', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(resolveSettings({ minFontSize: 20, minContrast: 4.5 })).toMatchObject({ minFontSize: 20, minContrast: 4.5 });
    expect(warn).not.toHaveBeenCalled();
    expect(resolveSettings({ minFontSize: 100, minContrast: 1 })).toMatchObject({ minFontSize: 32, minContrast: 3 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(resolveSettings({ minFontSize: -5, minContrast: 0 })).toMatchObject({ minFontSize: 0, minContrast: 0 });
    const base = resolveSettings({ minFontSize: 20 });
    expect(resolveSettings({ minFontSize: 'big' as unknown as number }, base).minFontSize).toBe(20);
    expect(resolveSettings({ minContrast: Number.NaN }, base).minContrast).toBe(0);
  });

  it('out-of-range scales are clamped to 1..3 with one warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(resolveSettings({ fontScale: 5 }).fontScale).toBe(3);
    expect(resolveSettings({ fontScale: 0.5 }).fontScale).toBe(1);
    expect(resolveSettings({ fontScale: -Infinity }).fontScale).toBe(1);
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it('invalid values keep the base value; all problems of one call in one warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const base = resolveSettings({ contrast: 'yellow', fontScale: 2 });
    const out = resolveSettings({ fontScale: 'big', contrast: 'neon', spacing: 'huge', font: 'comic', hideClutter: 'yes', toolbar: 1, colour: 'red' }, base);
    expect(out).toEqual(base);
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0]![0]);
    for (const key of ['fontScale', 'contrast', 'spacing', 'font', 'hideClutter', 'toolbar', 'colour']) expect(message).toContain(key);
  });

  it('non-objects are ignored with one warning; never throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const bad of ['high', 42, [1, 2], true]) expect(resolveSettings(bad)).toEqual(DEFAULT_SETTINGS);
    expect(warn).toHaveBeenCalledTimes(4);
    const hostile = { get fontScale(): number { throw new Error('getter'); } };
    expect(resolveSettings(hostile, { ...DEFAULT_SETTINGS, fontScale: 2 }).fontScale).toBe(2);
    expect(warn).toHaveBeenCalledTimes(5);
    expect(() => retrofit(document, hostile as never).undo()).not.toThrow();
  });

  it('a session ignores invalid updates and keeps working', async () => {
    const { doc, engine, win } = await openPage(SAMPLES[0]!.html);
    const warn = vi.spyOn(win.console, 'warn').mockImplementation(() => {});
    const session = engine.retrofit(doc, { fontScale: 9 } as never);
    expect(session.settings.fontScale).toBe(3);
    session.update({ contrast: 'purple' } as never);
    expect(session.settings.contrast).toBe('off');
    session.update({ contrast: 'dark', fontScale: 2 });
    expect(session.settings).toMatchObject({ contrast: 'dark', fontScale: 2 });
    expect(doc.documentElement.getAttribute('data-ar-theme')).toBe('dark');
    expect(warn).toHaveBeenCalledTimes(2);
    session.undo();
  });
});
