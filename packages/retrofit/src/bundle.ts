/**
 * The one-file bundle (`dist/accessible-reader-retrofit.js`): the engine, Lit and the components in a classic
 * script that a portal adds with one tag, and that the extension injects. It exposes `window.AccessibleReader`
 * and registers the components as `ar-*` unless a page already uses those names.
 *
 * ```html
 * <script src="accessible-reader-retrofit.js"></script>
 * <script>AccessibleReader.retrofit(document, { fontScale: 1.5, toolbar: true });</script>
 * ```
 */
import { components, define } from '@accessible-reader/components';
// Module by module rather than from ./index.js, which brings Readability (12 KB gzip) as extraction's
// fallback: the bundle stays within its budget without it (site adapters and the generic one still apply).
import { ADAPTERS, findArticle } from './adapters/index.js';
import { retrofit } from './session.js';
import { DEFAULT_SETTINGS, MAX_SCALE, MIN_SCALE, resolveSettings } from './settings.js';
import { LEGIBLE_FONTS } from './transforms/font.js';
import { extract, tryExtract } from './extract/extract.js';
import { readAloud } from './read-aloud/page.js';
import { openReader } from './reader/reader.js';

const taken = globalThis.customElements && Object.keys(components).some((suffix) => globalThis.customElements.get(`ar-${suffix}`));
if (!taken) {
  try {
    define('ar');
  } catch {
    // No custom elements here: the engine still scales, themes and spaces text; widgets stay the site's.
  }
}

const api = Object.freeze({
  retrofit, findArticle, resolveSettings, DEFAULT_SETTINGS, ADAPTERS, LEGIBLE_FONTS, MIN_SCALE, MAX_SCALE, version: '0.1.0',
  extract, tryExtract, openReader, readAloud,
});
(globalThis as typeof globalThis & { AccessibleReader?: typeof api }).AccessibleReader ??= api;
