import { ArContrastToggle } from './contrast-toggle/contrast-toggle.js';
import { ArFontSize } from './font-size/font-size.js';
import { ArRating } from './rating/rating.js';
import { ArRelatedArticles } from './related-articles/related-articles.js';
import { defineElement } from './shared/define-element.js';

/** Every component with the tag suffix it is registered under: `<prefix>-font-size` … */
export const components = {
  'font-size': ArFontSize,
  'contrast-toggle': ArContrastToggle,
  rating: ArRating,
  'related-articles': ArRelatedArticles,
} as const;

/**
 * Registers all four components as `<prefix>-font-size`, `<prefix>-contrast-toggle`, `<prefix>-rating` and
 * `<prefix>-related-articles`. Safe to call twice. A prefix other than `ar` lets an embedder (the browser
 * extension) use tag names that no page defines.
 */
export function define(prefix = 'ar'): void {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(prefix)) throw new TypeError(`Accessible Reader: invalid tag prefix "${prefix}".`);
  for (const [suffix, ctor] of Object.entries(components)) defineElement(`${prefix}-${suffix}`, ctor);
}
