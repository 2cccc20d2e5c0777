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
// First, before Lit: a Trusted Types allowlist without Lit's policy must not stop this script at load.
import { litLoaded, litPolicyRefused } from './lit-policy.js';
import { components, define } from '@accessible-reader/components';
// Module by module rather than from ./index.js, which brings Readability (12 KB gzip) as extraction's
// fallback: the bundle stays within its budget without it (site adapters and the generic one still apply).
import { ADAPTERS, findArticle } from './adapters/index.js';
import { retrofit } from './session.js';
import { DEFAULT_SETTINGS, MAX_SCALE, MIN_SCALE, resolveSettings } from './settings.js';
import { LEGIBLE_FONTS } from './transforms/font.js';
import { extract } from './extract/extract.js';
import { readAloud } from './read-aloud/page.js';
import { openReader } from './reader/reader.js';
import { report } from './report.js';

litLoaded();

const taken = globalThis.customElements && Object.keys(components).some((suffix) => globalThis.customElements.get(`ar-${suffix}`));
if (!taken && !litPolicyRefused()) {
  try {
    define('ar');
  } catch {
    // No custom elements here: the engine still scales, themes and spaces text; widgets stay the site's.
  }
}

const api = Object.freeze({
  retrofit, findArticle, resolveSettings, DEFAULT_SETTINGS, ADAPTERS, LEGIBLE_FONTS, MIN_SCALE, MAX_SCALE, version: '0.1.0',
  extract, openReader, readAloud,
});
// A copy already loaded on this page (two tags, or the site's tag and a plugin's) is kept. Only the window's
// own property counts: `AccessibleReader` may also name an element of the page (`<a id="AccessibleReader">`
// in user content: the window's named properties), which is never taken for the API.
const own = Object.getOwnPropertyDescriptor(globalThis, 'AccessibleReader')?.value as Partial<typeof api> | undefined;
if (typeof own?.retrofit !== 'function') {
  try {
    Object.defineProperty(globalThis, 'AccessibleReader', { value: api, configurable: true, writable: true });
  } catch (error) {
    report('error', 'Accessible Reader: could not define AccessibleReader.', error);
  }
}
