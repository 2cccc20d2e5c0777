/** The reader view's settings model: defaults and validation (no DOM), for the view and for embedders' storage. */
import type { Contrast, LineWidth, ReaderSettings } from '../types.js';

const CONTRASTS: readonly Contrast[] = ['off', 'high', 'dark', 'yellow'];
const WIDTHS: readonly LineWidth[] = ['narrow', 'medium', 'wide'];

/** How the view opens when nothing else is asked: 20 px text, black on cream, a medium line. */
export const READER_DEFAULTS: Readonly<ReaderSettings> = Object.freeze({ fontScale: 1, contrast: 'off', spacing: 'off', width: 'medium' });

/**
 * Valid reader settings from anything (a stored value, an embedder's object): valid fields of `partial` replace
 * those of `base`, a size out of range is clamped to 1–3, anything else keeps `base`'s. Never throws.
 */
export function resolveReaderSettings(partial: unknown, base: Readonly<ReaderSettings> = READER_DEFAULTS): ReaderSettings {
  const out = { ...base };
  if (!partial || typeof partial !== 'object') return out;
  try {
    const p = partial as Record<string, unknown>;
    if (typeof p.fontScale === 'number' && Number.isFinite(p.fontScale)) out.fontScale = Math.round(Math.min(3, Math.max(1, p.fontScale)) * 100) / 100;
    if (CONTRASTS.includes(p.contrast as Contrast)) out.contrast = p.contrast as Contrast;
    if (p.spacing === 'off' || p.spacing === 'wcag') out.spacing = p.spacing;
    if (WIDTHS.includes(p.width as LineWidth)) out.width = p.width as LineWidth;
  } catch {
    // A getter that throws: the object is unusable, `base` is not.
    return { ...base };
  }
  return out;
}
