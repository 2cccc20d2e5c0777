/**
 * Makes custom elements work in a content script. Chrome gives content scripts (an isolated world) no
 * `customElements`: the polyfill supplies one. Elements it upgrades are not custom elements to the browser, so
 * the native `attachInternals()` refuses them; `<ar-rating>` then works without form association, which the
 * reader does not need on someone else's page. Imported first, before Lit.
 */
// Before Lit too: a page whose Trusted Types allowlist lacks Lit's policy must not stop this script at load.
import '@accessible-reader/retrofit/lit-policy.js';
import './force-polyfill';
import '@webcomponents/custom-elements';
