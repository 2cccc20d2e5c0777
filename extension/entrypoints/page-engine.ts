// First: custom elements for the isolated world, before Lit loads.
import '../lib/isolated-world';
import { components, define } from '@accessible-reader/components';
// The engine without the reader view: that one is loaded into the page on first use (lib/reader-loader.ts).
import { provideComponents, provideReaderFeatures, retrofit, type ReaderSettings, type RetrofitSession } from '@accessible-reader/retrofit/core.js';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { earlyStage, type EarlyStage, type PageState } from '../lib/early';
import { isGovHost, validateSettings, type Settings } from '../lib/settings';
import type { ContentMessage } from '../lib/messages';
import { loadReader } from '../lib/reader-loader';
import { keysFor, onSettingsChanged, saveFromPage, setEnabled, setScope } from '../lib/store';
import { toolbarFolded } from '../lib/toolbar-fold';
import { readerPrefs } from '../lib/reader-prefs';

provideComponents({ components, define });
provideReaderFeatures(loadReader);

/** Tag prefix of the components the engine puts on pages: one no page defines. */
const TAG_PREFIX = 'arx';

/**
 * Stage two, at document_end: the engine. Stage one (page-early.ts) has already asked for the settings and
 * styled the first paint; this script takes over from it, and then follows storage changes (popup, options,
 * shortcuts, other tabs). Registered by the background with stage one (lib/registrations.ts).
 */
export default defineUnlistedScript(() => {
  // Registered and also injected from the popup, it can run twice in a page: once is enough.
  const stage = earlyStage();
  if (!stage || stage.engineStarted) return;
  stage.engineStarted = true;
  void new Reader(stage).start();
});

class Reader {
  private session: RetrofitSession | null = null;
  /** The engine's own `update`, for changes that come from storage (popup, options, shortcuts). */
  private engineUpdate: ((partial: Partial<Settings>) => void) | null = null;
  private state: PageState | null = null;
  private waiting = false;
  private folded = false;

  constructor(private readonly stage: EarlyStage) {}

  /**
   * What the toolbar adds in the extension. Its root is closed and it acts on the reader's own clicks and keys
   * only: a page script can neither read it nor change the reader's settings through it.
   */
  private ui() {
    const host = this.stage.host;
    return {
      guard: true,
      toolbar: {
        // On a government site, its settings are the shared ones unless the reader keeps this one apart.
        ...(isGovHost(host) ? { scope: { siteOnly: () => this.state?.scope === 'site', change: (own: boolean) => void setScope(host, own ? 'site' : 'government') } } : {}),
        turnOff: () => void setEnabled(host, false),
        collapsed: this.folded,
        onCollapse: (folded: boolean) => void toolbarFolded.set(folded),
      },
      // The toolbar's "Chế độ đọc" opens the view as the reader left it (see readerOptions).
      reader: { settings: () => this.readerOptions().settings, onChange: this.readerOptions().onChange },
    };
  }

  /**
   * How the reader view opens here: guarded like the toolbar, as the reader left it on any site (remembered on
   * this computer), or the first time with this page's size, colours and spacing; each change is remembered.
   */
  private readerOptions() {
    const s = this.session?.settings ?? this.state?.settings;
    const page = s ? { fontScale: s.fontScale, contrast: s.contrast, spacing: s.spacing } : undefined;
    return { guard: true, settings: readerPrefs.now() ?? page, onChange: (v: Readonly<ReaderSettings>) => void readerPrefs.set(v) };
  }

  async start(): Promise<void> {
    // The reader view (shortcut or popup button), on any page, whether the reader is on for the site or not.
    browser.runtime.onMessage.addListener((message: ContentMessage, sender) => {
      if (sender.id === browser.runtime.id && message?.type === 'reader-view') this.toggleReaderView();
      return undefined;
    });
    onSettingsChanged(keysFor(this.stage.host), () => this.stage.read(), (s) => this.apply(s));
    // The reader view's remembered settings are read with the rest, so the toolbar's "Chế độ đọc" has them.
    const [first, folded] = await Promise.all([this.stage.first, toolbarFolded.get(), readerPrefs.load()]);
    this.folded = folded;
    this.apply(first);
  }

  private apply(next: PageState): void {
    if (this.state && this.state.enabled === next.enabled && json(this.state.settings) === json(next.settings)) return;
    this.state = next;
    if (!next.enabled) {
      this.stage.remove();
      this.session?.undo();
      this.session = this.engineUpdate = null;
      return;
    }
    if (document.readyState !== 'loading') return this.run();
    if (!this.waiting) document.addEventListener('DOMContentLoaded', () => this.run(), { once: true });
    this.waiting = true;
  }

  /**
   * Starts the engine, or updates it. The engine takes over the page-wide session the early stage started
   * for the first paint (same stylesheets and tags: the page is not restyled). Where the engine finds no
   * article it leaves the page as it is, and the early stage's styling stays: the reader asked for this size
   * and contrast on this site.
   */
  private run(): void {
    const state = this.state;
    if (!state?.enabled) return;
    if (this.session?.active) {
      if (json(this.session.settings) !== json(state.settings)) this.engineUpdate?.(state.settings);
      return;
    }
    try {
      const from = this.stage.session ?? undefined;
      const session = retrofit(document, state.settings, { tagPrefix: TAG_PREFIX, ui: this.ui(), ...(from ? { from } : {}) });
      if (session.active) {
        // The engine's own toolbar calls session.update(): wrapping it is how this script learns of changes
        // made on the page, to save them for this site.
        const engineUpdate = session.update.bind(session);
        this.engineUpdate = engineUpdate;
        session.update = (partial) => {
          engineUpdate(partial);
          this.saveFromPage();
        };
        this.session = session;
      }
    } catch (error) {
      // The engine never throws by contract; this guards the page against a broken build all the same.
      console.warn('Accessible Reader: could not apply the reader to this page.', error);
      this.session = null;
    }
    if (!this.session?.active) this.stage.apply(state.settings);
    this.stage.mark();
  }

  /** Opens the reader view (as the reader left it), or closes it when it is open. */
  private toggleReaderView(): void {
    void Promise.all([loadReader(), readerPrefs.load()]).then(([{ openReader, readerOf }]) => {
      const open = readerOf(document);
      if (open) return open.close();
      openReader(document, { tagPrefix: TAG_PREFIX, ...this.readerOptions() });
    }, (error: unknown) => console.warn('Accessible Reader: could not open the reader view.', error));
  }

  private saveFromPage(): void {
    const s = this.session?.settings;
    if (!s || !this.state || json(s) === json(this.state.settings)) return;
    const settings = validateSettings(s);
    // Updated first, so that the echo of this save from storage.onChanged changes nothing.
    this.state = { ...this.state, settings };
    void saveFromPage(this.stage.host, settings).then((r) => r.ok || console.warn('Accessible Reader: could not save.'));
  }
}

const json = (s: Readonly<Settings>) => JSON.stringify(s);
