/**
 * The first stage of the reader on a page, run by the tiny `early` content script at `document_start`: it asks
 * for the stored settings at once and, while the page is still loading, starts the engine's page-wide part
 * (text size, colours, spacing: `firstPaint()`), so that the first paint is already the reader's. The engine
 * proper (Lit, the components, the adapters) is a separate script that runs at `document_end` and takes the
 * same session over: nothing is restyled twice. Both scripts share the extension's isolated world, where this
 * stage is kept on `globalThis`.
 */
import { firstPaint, type FirstPaint } from '@accessible-reader/retrofit/first-paint.js';
import { normalizeHost, type PageState, type Settings } from './settings';
import { readPage } from './store';

/** The page is kept invisible at most this long while the stored settings are read (normally a few ms). */
const MAX_HIDE_MS = 300;
/** Marks the moment the stored settings took effect on the page (first paint or engine). */
export const APPLIED_MARK = 'accessible-reader:early-styles';

/** On or off, the settings, and whether they are the government-wide ones or this site's own. */
export type { PageState };

export interface EarlyStage {
  readonly host: string;
  /** The state read at `document_start`. */
  readonly first: Promise<PageState>;
  /** Reads the state again (after a storage change). */
  read(): Promise<PageState>;
  /** The page-wide session styling the page, if any: the engine takes it over. */
  readonly session: FirstPaint | null;
  /** Styles the page for `settings` (starts the page-wide session or updates it). */
  apply(settings: Settings): void;
  /** Takes everything off, leaving the page as it was. */
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
  let session: FirstPaint | null = null;
  let marked = false;

  // The shared defaults and the site's entry, from sync and local at once (one round; see lib/store.ts).
  const read = (): Promise<PageState> => readPage(host);

  // Until the settings are known nothing is painted: no flash of the small, low-contrast page. `opacity` on the
  // root alone: taking it off restyles one element, not the whole page as an inherited property would.
  const hide = document.readyState === 'loading' && document.documentElement ? document.createElement('style') : null;
  if (hide) {
    hide.textContent = 'html{opacity:0!important}';
    document.documentElement.append(hide);
  }
  const reveal = () => hide?.remove();

  const stage: EarlyStage = {
    host,
    first: read(),
    read,
    engineStarted: false,
    get session() {
      return session?.active ? session : null;
    },
    apply(s) {
      if (session?.active) session.update(s);
      else session = firstPaint(document, s);
      reveal();
    },
    remove() {
      reveal();
      session?.undo();
      session = null;
    },
    mark() {
      if (!marked) performance.mark(APPLIED_MARK);
      marked = true;
    },
  };

  setTimeout(reveal, MAX_HIDE_MS);
  // Applied however far the page got meanwhile: the page stays hidden until then, and the engine takes this
  // session over when it starts (revealing the page unstyled first would show a flash of small text; Firefox
  // may start the engine's script only after the page has loaded).
  void stage.first
    .then((state) => {
      if (!state.enabled) return;
      stage.apply(state.settings);
      stage.mark();
    })
    .finally(reveal);
  return stage;
}
