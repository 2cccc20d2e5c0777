import type { Contrast, Font, Settings, Spacing } from './types.js';
import { report } from './report.js';

export type { Contrast, Font, Settings, Spacing };

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  fontScale: 1,
  contrast: 'off',
  spacing: 'off',
  font: 'page',
  hideClutter: false,
  toolbar: false,
  minFontSize: 0,
  minContrast: 0,
});

export const MIN_SCALE = 1;
export const MAX_SCALE = 3;
export const CONTRASTS: readonly Contrast[] = ['off', 'high', 'dark', 'yellow'];
export const SPACINGS: readonly Spacing[] = ['off', 'wcag'];
export const FONTS: readonly Font[] = ['page', 'legible'];
/** `minFontSize` is 0 (off) or within these bounds, in CSS px. */
export const MIN_FONT_SIZE = { min: 12, max: 32 } as const;
/** `minContrast` is 0 (off) or within these bounds (WCAG ratios: 4.5 is AA, 7 AAA). */
export const MIN_CONTRAST = { min: 3, max: 7 } as const;

/**
 * Complete, valid settings from anything: fields of `partial` that are valid replace those of `base`,
 * out-of-range scales are clamped, anything else invalid keeps the `base` value. Problems are reported in one
 * console.warn per call, so a caller's bug is visible without flooding the console. Never throws.
 */
export function resolveSettings(partial: unknown, base: Readonly<Settings> = DEFAULT_SETTINGS): Settings {
  try {
    return merge(partial, base);
  } catch {
    // A getter that throws, a revoked proxy…: the caller's object is unusable, the current settings are not.
    report('warn', 'Accessible Reader: could not read the settings; using the current settings.');
    return { ...base };
  }
}

function merge(partial: unknown, base: Readonly<Settings>): Settings {
  const out: Settings = { ...base };
  const problems: string[] = [];
  if (partial === undefined || partial === null) return out;
  if (typeof partial !== 'object' || Array.isArray(partial)) {
    report('warn', 'Accessible Reader: settings must be an object; using the current settings.');
    return out;
  }
  const p = partial as Record<string, unknown>;
  const has = (key: keyof Settings) => Object.prototype.hasOwnProperty.call(p, key) && p[key] !== undefined;
  if (has('fontScale')) {
    const n = p.fontScale;
    if (typeof n !== 'number' || !Number.isFinite(n)) problems.push(`fontScale ${String(n)} is not a number`);
    else {
      const clamped = Math.round(Math.min(MAX_SCALE, Math.max(MIN_SCALE, n)) * 100) / 100;
      if (n < MIN_SCALE || n > MAX_SCALE) problems.push(`fontScale ${n} is outside ${MIN_SCALE}–${MAX_SCALE}, using ${clamped}`);
      out.fontScale = clamped;
    }
  }
  const floor = (key: 'minFontSize' | 'minContrast', bounds: { min: number; max: number }) => {
    if (!has(key)) return;
    const n = p[key];
    if (typeof n !== 'number' || !Number.isFinite(n)) return problems.push(`${key} ${String(n)} is not a number`);
    const v = n <= 0 ? 0 : Math.round(Math.min(bounds.max, Math.max(bounds.min, n)) * 10) / 10;
    if (n > 0 && v !== n) problems.push(`${key} ${n} is outside ${bounds.min}–${bounds.max}, using ${v}`);
    out[key] = v;
  };
  floor('minFontSize', MIN_FONT_SIZE);
  floor('minContrast', MIN_CONTRAST);
  const pick = <K extends 'contrast' | 'spacing' | 'font'>(key: K, allowed: readonly Settings[K][]) => {
    if (!has(key)) return;
    if ((allowed as readonly unknown[]).includes(p[key])) out[key] = p[key] as Settings[K];
    else problems.push(`${key} "${String(p[key])}" is not one of ${allowed.join(' | ')}`);
  };
  pick('contrast', CONTRASTS);
  pick('spacing', SPACINGS);
  pick('font', FONTS);
  for (const key of ['hideClutter', 'toolbar'] as const) {
    if (!has(key)) continue;
    if (typeof p[key] === 'boolean') out[key] = p[key] as boolean;
    else problems.push(`${key} must be true or false`);
  }
  const known = Object.keys(DEFAULT_SETTINGS);
  const unknown = Object.keys(p).filter((k) => !known.includes(k));
  if (unknown.length) problems.push(`unknown setting ${unknown.join(', ')}`);
  if (problems.length) report('warn', `Accessible Reader: ignored invalid settings: ${problems.join('; ')}.`);
  return out;
}
