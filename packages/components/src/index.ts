/**
 * @accessible-reader/components — importing this module registers nothing. Import `./define.js` to register the
 * `ar-*` tags, or call `define(prefix)` for your own tag names.
 */
export { ArFontSize } from './font-size/font-size.js';
export { ArContrastToggle, type ContrastMode } from './contrast-toggle/contrast-toggle.js';
export { ArRating, type RatingSummary, type RatingSubmitDetail } from './rating/rating.js';
export { ArRelatedArticles, type RelatedArticle } from './related-articles/related-articles.js';
export { define, components } from './register.js';
export { resolveLang, type Lang } from './shared/locale.js';
