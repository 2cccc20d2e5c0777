/**
 * The first stage of the reader on a page, run by the tiny `early` content script at `document_start`: it asks
 * for the stored settings at once and, while the page is still loading, puts the early stylesheet in place, so
 * that the first paint is already large and high-contrast. The engine (Lit, the components, the adapters) is
 * a separate script that runs at `document_end`: evaluating it never delays the storage request or the parser.
 * Both scripts share the extension's isolated world, where this stage is kept on `globalThis`.
 */
import { browser } from 'wxt/browser';
import contrastCss from '../../packages/components/src/contrast-toggle/contrast.css?raw';
import { AREA, siteKey } from './area';
import { earlyCss } from './early-styles';
import { DEFAULTS_KEY, effectiveSettings, isEnabled, normalizeHost, validateSettings, validateSiteEntry, type Settings } from './settings';

/** The page is kept invisible at most this long while the stored settings are read (normally a few ms). */
const MAX_HIDE_MS = 300;
/** Marks the moment the stored settings took effect on the page (early sheet or engine). */
export const APPLIED_MARK = 'accessible-reader:early-styles';
/**
 * Marks the early stage's own nodes. Not the engine's `data-ar-own`: the engine reads that as "another session
 * owns this page" and would refuse to start if an early node were still there.
 */
const OWN = 'data-ar-early';

export interface PageState {
  enabled: boolean;
  settings: Settings;
}

export interface EarlyStage {
  readonly host: string;
  /** The state read at `document_start`. */
  readonly first: Promise<PageState>;
  /** Reads the state again (after a storage change). */
  read(): Promise<PageState>;
  /** Puts the early stylesheet on the page for `settings` (replacing any earlier one). */
  apply(settings: Settings): void;
  /** Takes it off, leaving the page as it was. */
  remove(): void;
  /** Records that the stored settings are now on the page (once). */
  mark(): void;
  /** Whether the engine stage has started on this page. */
  engineStarted: boolean;
}

const KEY = '__accessibleReader';

/** The page's early stage, started on first call; null on pages the reader does not work on. */
export function earlyStage(): EarlyStage | null {
  const g = globalThis as { [KEY]?: EarlyStage | null };
  if (g[KEY] !== undefined) return g[KEY];
  g[KEY] = null;
  // HTML pages only: a portal's RSS feed or XML sitemap is left alone.
  if (!/^(text\/html|application\/xhtml\+xml)$/.test(document.contentType)) return null;
  const host = normalizeHost(location.hostname);
  if (!host) return null;
  return (g[KEY] = start(host));
}

function start(host: string): EarlyStage {
  performance.mark('accessible-reader:start');
  let early: HTMLStyleElement | null = null;
  let contrastBefore: string | null = null;
  let marked = false;

  const style = (css: string) => {
    const el = document.createElement('style');
    el.setAttribute(OWN, '');
    el.textContent = css;
    (document.head ?? document.documentElement).append(el);
    return el;
  };

  const read = async (): Promise<PageState> => {
    const key = siteKey(host);
    let raw: Record<string, unknown> = {};
    try {
      raw = await browser.storage[AREA].get([DEFAULTS_KEY, key]);
    } catch (error) {
      console.warn('Accessible Reader: could not read the settings; using the defaults.', error);
    }
    const defaults = validateSettings(raw[DEFAULTS_KEY]);
    const entry = validateSiteEntry(raw[key], defaults);
    return { enabled: isEnabled(host, entry), settings: effectiveSettings(defaults, entry) };
  };

  // Until the settings are known nothing is painted: no flash of the small, low-contrast page.
  let hide: HTMLStyleElement | null = document.readyState === 'loading' && document.documentElement ? style('html { visibility: hidden !important; }') : null;
  const reveal = () => {
    hide?.remove();
    hide = null;
  };

  const stage: EarlyStage = {
    host,
    first: read(),
    read,
    engineStarted: false,
    apply(s) {
      stage.remove();
      const css = [earlyCss(s), s.contrast !== 'off' ? contrastCss : ''].filter(Boolean).join('\n');
      if (css) early = style(css);
      if (s.contrast !== 'off') {
        contrastBefore = document.documentElement.getAttribute('data-ar-contrast');
        document.documentElement.setAttribute('data-ar-contrast', s.contrast);
      }
    },
    remove() {
      // The engine takes over from here: the page must be visible whatever the order of the promise callbacks.
      reveal();
      if (!early) return;
      early.remove();
      early = null;
      const root = document.documentElement;
      if (contrastBefore === null) root.removeAttribute('data-ar-contrast');
      else root.setAttribute('data-ar-contrast', contrastBefore);
      contrastBefore = null;
    },
    mark() {
      if (!marked) performance.mark(APPLIED_MARK);
      marked = true;
    },
  };

  setTimeout(reveal, MAX_HIDE_MS);
  // Applied however far the page got meanwhile: Firefox may start the engine's script (document_end) only
  // after the page has loaded, and revealing the page unstyled until then would show a flash of small text.
  void stage.first
    .then((state) => {
      if (!state.enabled) return;
      stage.apply(state.settings);
      stage.mark();
    })
    .finally(reveal);
  return stage;
}
