/**
 * @accessible-reader/retrofit — finds the article on a news page and makes it readable: text that really
 * enlarges and reflows, strong contrast themes, WCAG text spacing, a legible font, clutter aside, the site's
 * own widgets taken over, and an exact undo.
 *
 * ```ts
 * const session = retrofit(document, { fontScale: 2, contrast: 'high' });
 * session.update({ hideClutter: true });
 * session.undo();
 * ```
 */
export { retrofit } from './session.js';
export { DEFAULT_SETTINGS, MAX_SCALE, MIN_SCALE, resolveSettings } from './settings.js';
export { findArticle, ADAPTERS } from './adapters/index.js';
export { LEGIBLE_FONTS } from './transforms/font.js';
export type {
  Adapter,
  Article,
  Contrast,
  Font,
  Found,
  LegacyRating,
  LegacyWidgets,
  RetrofitOptions,
  RetrofitSession,
  Settings,
  Spacing,
} from './types.js';
