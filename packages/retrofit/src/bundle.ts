/**
 * The one-file bundle (`dist/accessible-reader-retrofit.js`): the engine, Lit and the components in a classic
 * script that a portal adds with one tag. It exposes `window.AccessibleReader` and registers the components as
 * `ar-*` unless a page already uses those names. The reader view, read-aloud and extraction come from a second
 * script beside it (`accessible-reader-reader.js`), loaded the first time they are asked for.
 *
 * ```html
 * <script src="accessible-reader-retrofit.js"></script>
 * <script>AccessibleReader.retrofit(document, { fontScale: 1.5, toolbar: true });</script>
 * ```
 */
// First, before Lit: a Trusted Types allowlist without Lit's policy must not stop this script at load.
import { litLoaded, litPolicyRefused } from './lit-policy.js';
import { components, define } from '@accessible-reader/components';
import { ADAPTERS, findArticle } from './adapters/index.js';
import { awaitReader, type ReaderChunk } from './chunk/handoff.js';
import { provideComponents } from './components-source.js';
import { provideReaderFeatures } from './features.js';
import { retrofit } from './retrofit.js';
import { DEFAULT_SETTINGS, MAX_SCALE, MIN_SCALE, resolveSettings } from './settings.js';
import { LEGIBLE_FONTS } from './transforms/font.js';
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
provideComponents({ components, define });

/** The reader script's file name, next to the bundle. */
const READER_FILE = 'accessible-reader-reader.js';

// Where this script came from: the reader script sits beside it.
const self = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null;
const readerUrl = self?.src ? new URL(READER_FILE, self.src).href : null;
let loading: Promise<ReaderChunk> | undefined;

/** The reader script, loaded once (or already there when the page added it itself). */
function loadReader(): Promise<ReaderChunk> {
  return (loading ??= awaitReader(() => {
    if (!readerUrl) throw new Error(`this bundle was not loaded from a URL: add <script src="…/${READER_FILE}"> after it`);
    const script = document.createElement('script');
    // Pages that enforce Trusted Types accept a script URL only through a policy they allow.
    const tt = (globalThis as { trustedTypes?: { createPolicy(n: string, p: { createScriptURL(u: string): string }): { createScriptURL(u: string): string } } }).trustedTypes;
    const url = readerUrl;
    script.src = tt ? (tt.createPolicy('accessible-reader', { createScriptURL: (u) => (u === url ? u : '') }).createScriptURL(url) as unknown as string) : url;
    script.addEventListener('error', () => report('warn', `Accessible Reader: could not load ${url}.`));
    (document.head ?? document.documentElement).append(script);
  }));
}
provideReaderFeatures(loadReader);

/** Calls one function of the reader script, loading it first; rejects with the reason it could not load. */
const fromReader =
  <K extends keyof ReaderChunk>(name: K) =>
  async (...args: Parameters<ReaderChunk[K]>): Promise<ReturnType<ReaderChunk[K]>> =>
    ((await loadReader())[name] as (...a: unknown[]) => ReturnType<ReaderChunk[K]>)(...args);

const api = Object.freeze({
  retrofit, findArticle, resolveSettings, DEFAULT_SETTINGS, ADAPTERS, LEGIBLE_FONTS, MIN_SCALE, MAX_SCALE, version: '0.1.0',
  /** Loads the reader script, then extracts the article (a promise). */
  extract: fromReader('extract'),
  /** Loads the reader script, then opens the reader view (a promise of the view). */
  openReader: fromReader('openReader'),
  /** Loads the reader script, then reads the article aloud (a promise of the session). */
  readAloud: fromReader('readAloud'),
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
