// Where a content script does see a `customElements` (Firefox may give the page's), the polyfill is used all the
// same: the reader's tags must live in the script's own registry, never in the page's.
const registry = (globalThis as { customElements?: { forcePolyfill?: boolean } | null }).customElements;
if (registry) registry.forcePolyfill = true;
export {};
