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
// Module by module rather than from ./index.js: the reader view, read-aloud and Readability come from the
// reading chunk beside this file (scripts/build.mjs puts chunks/load.ts in place of their modules).
import { ADAPTERS, findArticle } from './adapters/index.js';
import { retrofit } from './session.js';
import { DEFAULT_SETTINGS, MAX_SCALE, MIN_SCALE, resolveSettings } from './settings.js';
import { LEGIBLE_FONTS } from './transforms/font.js';
import { extract, tryExtract } from './extract/extract.js';
import { loadReading } from './chunks/load.js';
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
  /**
   * Resolves once the reading chunk beside this file (reader view, read-aloud, Readability) is loaded: from then
   * on `openReader` and `readAloud` open at once and extraction answers as the npm entry's.
   */
  ready: loadReading(globalThis.document?.currentScript).then((reading) => !!reading),
});
(globalThis as typeof globalThis & { AccessibleReader?: typeof api }).AccessibleReader ??= api;
