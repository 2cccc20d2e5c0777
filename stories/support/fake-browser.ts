/**
 * A small in-memory stand-in for the WebExtension `browser` object, so that Storybook can show the extension's own
 * pages (popup, options, welcome) in every state without an extension around them. It keeps only what those pages
 * use: storage (sync with its quotas, local, onChanged), i18n from the real _locales files, the tab the popup is
 * about, the site's permission, the shortcuts. Writes go through the real writer (extension/lib/writer.ts), as in
 * the background. Nothing here pretends to be more: an unknown call throws, so a page that starts needing more fails
 * its story instead of showing a state no browser would.
 *
 * It must be imported before any module that imports `wxt/browser`, which reads `globalThis.browser` once.
 */
import vi from '../../extension/public/_locales/vi/messages.json';
import en from '../../extension/public/_locales/en/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

/** One story's world: the language, the tab, what is stored, and what goes wrong. */
export interface FakeWorld {
  lang: 'vi' | 'en';
  /** The tab the popup is about; no `url`: a page the reader cannot work on (chrome://, the options page…). */
  tab?: { id: number; url?: string };
  /** Whether the browser has given the extension the site's permission (government sites: always). */
  permitted?: boolean;
  /** What sync storage holds at the start. */
  sync?: Record<string, unknown>;
  /** What local storage holds at the start (settings sync had no room for). */
  local?: Record<string, unknown>;
  /** Every write fails, as when the browser's storage is broken. */
  failWrites?: boolean;
  /** Sync is full: the browser reports its whole quota in use. */
  syncFull?: boolean;
}

const SYNC_QUOTA = { QUOTA_BYTES: 102_400, QUOTA_BYTES_PER_ITEM: 8_192, MAX_ITEMS: 512 };
const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

let world: FakeWorld = { lang: 'vi' };
const listeners = new Set<Listener>();
const areas: Record<'sync' | 'local', Map<string, unknown>> = { sync: new Map(), local: new Map() };

function area(name: 'sync' | 'local') {
  const data = () => areas[name];
  const changed = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => {
    if (Object.keys(changes).length) for (const l of [...listeners]) setTimeout(() => l(changes, name), 0);
  };
  const keysOf = (keys: string | string[] | null | undefined) => (keys == null ? [...data().keys()] : typeof keys === 'string' ? [keys] : keys);
  return {
    ...(name === 'sync' ? SYNC_QUOTA : {}),
    async get(keys?: string | string[] | null) {
      return Object.fromEntries(keysOf(keys).filter((k) => data().has(k)).map((k) => [k, clone(data().get(k))]));
    },
    async set(items: Record<string, unknown>) {
      if (world.failWrites) throw new Error('Storage is broken (story)');
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const [k, v] of Object.entries(items)) {
        if (JSON.stringify(data().get(k)) !== JSON.stringify(v)) changes[k] = { oldValue: clone(data().get(k)), newValue: clone(v) };
        data().set(k, clone(v));
      }
      changed(changes);
    },
    async remove(keys: string | string[]) {
      if (world.failWrites) throw new Error('Storage is broken (story)');
      const changes: Record<string, { oldValue?: unknown }> = {};
      for (const k of keysOf(keys)) {
        if (!data().has(k)) continue;
        changes[k] = { oldValue: data().get(k) };
        data().delete(k);
      }
      changed(changes);
    },
    async clear() {
      await this.remove([...data().keys()]);
    },
    async getBytesInUse(keys?: string | string[] | null) {
      if (name === 'sync' && world.syncFull) return SYNC_QUOTA.QUOTA_BYTES;
      return keysOf(keys).reduce((n, k) => n + new TextEncoder().encode(k + JSON.stringify(data().get(k) ?? null)).length, 0);
    },
  };
}

function message(key: string, subs: string | string[] = []): string {
  const m = (world.lang === 'en' ? (en as Messages) : (vi as Messages))[key];
  if (!m) return '';
  const list = typeof subs === 'string' ? [subs] : subs;
  return m.message
    .replace(/\$([a-z0-9_@]+)\$/gi, (_, name: string) => m.placeholders?.[name.toLowerCase()]?.content ?? '')
    .replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
}

const unsupported = (what: string) => () => {
  throw new Error(`The story browser has no ${what}: add it to stories/support/fake-browser.ts if a page needs it.`);
};

const fake = {
  runtime: {
    id: 'accessible-reader-story',
    getURL: (path: string) => path,
    openOptionsPage: async () => undefined,
    // Writes never come here: stories hand the writer to the store directly (see extension-page.ts).
    sendMessage: unsupported('background for this message'),
    onMessage: { addListener: () => undefined, removeListener: () => undefined },
  },
  i18n: { getMessage: message, getUILanguage: () => world.lang },
  storage: {
    sync: area('sync'),
    local: area('local'),
    onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
  },
  tabs: {
    get: async (id: number) => (world.tab?.id === id ? { ...world.tab } : Promise.reject(new Error('no such tab'))),
    query: async () => (world.tab ? [{ ...world.tab, active: true }] : []),
    sendMessage: unsupported('tabs.sendMessage'),
    create: unsupported('tabs.create'),
  },
  permissions: {
    contains: async () => world.permitted ?? true,
    request: async () => false,
    remove: async () => true,
  },
  scripting: { executeScript: async () => [] },
  commands: {
    getAll: async () => [
      { name: 'increase-text', description: message('cmdIncrease'), shortcut: 'Alt+Shift+Up' },
      { name: 'decrease-text', description: message('cmdDecrease'), shortcut: 'Alt+Shift+Down' },
      { name: 'toggle-contrast', description: message('cmdContrast'), shortcut: 'Alt+Shift+H' },
      { name: 'toggle-site', description: message('cmdToggleSite'), shortcut: 'Alt+Shift+O' },
      { name: 'reader-view', description: message('cmdReaderView'), shortcut: '' },
    ],
  },
};

(globalThis as unknown as { browser: typeof fake }).browser = fake;

/** Puts the fake browser in a story's state: storage contents, tab, language; forgets earlier listeners. */
export function setWorld(next: FakeWorld): void {
  world = next;
  listeners.clear();
  areas.sync = new Map(Object.entries(clone(next.sync ?? {})));
  areas.local = new Map(Object.entries(clone(next.local ?? {})));
}

/** What the fake storage holds now (sync, then local): what a play function checks after a change. */
export function storedNow(): { sync: Record<string, unknown>; local: Record<string, unknown> } {
  return { sync: Object.fromEntries(areas.sync), local: Object.fromEntries(areas.local) };
}
