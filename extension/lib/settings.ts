/**
 * The extension's settings model, validation and import/export, as pure functions: no browser API here, so
 * that every rule is unit-tested in plain Node (tests/extension/settings.node.test.ts).
 *
 * Anything read from storage or from a file is `unknown` until it has been through these functions: storage
 * can hold values written by an older or newer version, by sync from another browser, or by hand in devtools.
 */

// The settings model is the engine's: the extension stores what the engine applies, so the two cannot drift.
import { CONTRASTS, DEFAULT_SETTINGS as ENGINE_DEFAULTS, FONTS, MAX_SCALE, MIN_CONTRAST, MIN_FONT_SIZE, MIN_SCALE, SPACINGS, type Contrast, type Font, type Settings, type Spacing } from '@accessible-reader/retrofit/settings.js';

export { CONTRASTS, FONTS, MAX_SCALE, MIN_SCALE, SPACINGS, type Contrast, type Font, type Settings, type Spacing };

/** What is stored for one site (host name). Missing fields mean "as the defaults say". */
export interface SiteEntry {
  /** On or off for this site; missing: on for government sites, off elsewhere. */
  enabled?: boolean;
  /** This site's own settings; missing: the defaults. */
  settings?: Settings;
}

export type Sites = Record<string, SiteEntry>;

/** One press of "larger text" (popup, shortcut, the engine's toolbar): 25 percentage points. */
export const SCALE_STEP = 0.25;

/**
 * The engine's defaults, except that the on-page toolbar is on (it is how readers find the controls) and that
 * text is readable untouched: body text at least 20 px and 4.5:1 (the rest of the site's look is kept).
 */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ ...ENGINE_DEFAULTS, toolbar: true, minFontSize: 20, minContrast: 4.5 });

/** A minimum (size or contrast): 0 for off, else within bounds; anything else is not one. */
function floorValue(v: unknown, bounds: { min: number; max: number }): number | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  return v <= 0 ? 0 : Math.round(Math.min(bounds.max, Math.max(bounds.min, v)) * 10) / 10;
}

/** Storage key of the defaults, and prefix of one key per site (`site:portal.hanoi.gov.vn`). */
export const DEFAULTS_KEY = 'defaults';
export const SITE_PREFIX = 'site:';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = <T extends string>(v: unknown, list: readonly T[]): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

/** Two decimals at most: 1.1 + 0.1 stays 1.2 and stored values stay short. */
export function roundScale(n: number): number {
  return Math.round(Math.min(MAX_SCALE, Math.max(MIN_SCALE, n)) * 100) / 100;
}

/**
 * A complete, valid `Settings` from anything: each valid field is kept, each missing or invalid field takes
 * the value from `fallback`, unknown fields are dropped. Never throws.
 */
export function validateSettings(value: unknown, fallback: Readonly<Settings> = DEFAULT_SETTINGS): Settings {
  const v = isRecord(value) ? value : {};
  const scale = v.fontScale;
  return {
    fontScale: typeof scale === 'number' && Number.isFinite(scale) ? roundScale(scale) : fallback.fontScale,
    contrast: oneOf(v.contrast, CONTRASTS) ? v.contrast : fallback.contrast,
    spacing: oneOf(v.spacing, SPACINGS) ? v.spacing : fallback.spacing,
    font: oneOf(v.font, FONTS) ? v.font : fallback.font,
    hideClutter: typeof v.hideClutter === 'boolean' ? v.hideClutter : fallback.hideClutter,
    toolbar: typeof v.toolbar === 'boolean' ? v.toolbar : fallback.toolbar,
    minFontSize: floorValue(v.minFontSize, MIN_FONT_SIZE) ?? fallback.minFontSize,
    minContrast: floorValue(v.minContrast, MIN_CONTRAST) ?? fallback.minContrast,
  };
}

/** A site entry from anything: a corrupt entry becomes `{}` (the defaults), never an error. */
export function validateSiteEntry(value: unknown, defaults: Readonly<Settings> = DEFAULT_SETTINGS): SiteEntry {
  if (!isRecord(value)) return {};
  const entry: SiteEntry = {};
  if (typeof value.enabled === 'boolean') entry.enabled = value.enabled;
  if (isRecord(value.settings)) entry.settings = validateSettings(value.settings, defaults);
  return entry;
}

/**
 * The host name a site is stored under, or null when it is not one: lower case, ASCII (browsers give
 * internationalised names in punycode), at most 253 characters, labels of letters, digits and hyphens.
 */
export function normalizeHost(host: unknown): string | null {
  if (typeof host !== 'string') return null;
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  if (!h || h.length > 253) return null;
  if (/^\[[0-9a-f:.]+\]$/.test(h)) return h; // IPv6 literal as URL.hostname gives it
  return h.split('.').every((label) => /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/.test(label)) ? h : null;
}

/** Government portals: `gov.vn` and every host under it. The reader is on there unless turned off. */
export function isGovHost(host: string): boolean {
  return host === 'gov.vn' || host.endsWith('.gov.vn');
}

/** The host of a page URL the reader can work on (http or https), or null (chrome://, file:, about:…). */
export function hostOfUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? normalizeHost(u.hostname) : null;
  } catch {
    return null;
  }
}

/** The match pattern for one host, any scheme and port: what the extension asks permission for. */
export function hostPattern(host: string): string {
  return `*://${host}/*`;
}

/** Whether the reader runs on `host` given its stored entry. */
export function isEnabled(host: string, entry: SiteEntry | undefined): boolean {
  return entry?.enabled ?? isGovHost(host);
}

/** The settings that apply on a site: its own when it has them, otherwise the defaults. */
export function effectiveSettings(defaults: Readonly<Settings>, entry: SiteEntry | undefined): Settings {
  return { ...(entry?.settings ?? defaults) };
}

/**
 * Where a choice made on a site is kept. `government`: in the defaults, shared by every government site (a size
 * chosen on one portal holds on the next one). `site`: in that site's own entry ("only this site"); every site
 * outside `.gov.vn` keeps its own, as before.
 */
export type Scope = 'government' | 'site';

/** The scope of a site: government sites follow the shared defaults unless the reader kept one apart. */
export function scopeOf(host: string, entry: SiteEntry | undefined): Scope {
  return isGovHost(host) && !entry?.settings ? 'government' : 'site';
}

/** What a page needs to know at `document_start`. */
export interface PageState {
  enabled: boolean;
  settings: Settings;
  scope: Scope;
}

/** The storage keys a page reads, in one `get` call: the shared defaults and the site's own entry. */
export function keysFor(host: string): string[] {
  return [DEFAULTS_KEY, SITE_PREFIX + host];
}

/** A page's state from what `get(keysFor(host))` returned (anything: every value is validated). */
export function pageStateFrom(snapshot: unknown, host: string): PageState {
  const raw = isRecord(snapshot) ? snapshot : {};
  const defaults = validateSettings(raw[DEFAULTS_KEY]);
  const entry = validateSiteEntry(raw[SITE_PREFIX + host], defaults);
  return { enabled: isEnabled(host, entry), settings: effectiveSettings(defaults, entry), scope: scopeOf(host, entry) };
}

/** A site entry without the fields that say nothing, or null when nothing is left to store. */
export function compactEntry(entry: SiteEntry): SiteEntry | null {
  const out: SiteEntry = {};
  if (typeof entry.enabled === 'boolean') out.enabled = entry.enabled;
  if (entry.settings) out.settings = { ...entry.settings };
  return out.enabled === undefined && !out.settings ? null : out;
}

/**
 * Sites from a storage snapshot (`{ defaults, 'site:a.gov.vn': {...}, 'site:a.gov.vn$': {v: 1}, … }`):
 * version metadata (`$` keys) and keys that are not a valid host are skipped, each entry is validated on its
 * own, so one corrupt entry never costs the others.
 */
export function sitesFromSnapshot(snapshot: unknown, defaults: Readonly<Settings> = DEFAULT_SETTINGS): Sites {
  const sites: Sites = {};
  if (!isRecord(snapshot)) return sites;
  for (const [key, value] of Object.entries(snapshot)) {
    if (!key.startsWith(SITE_PREFIX) || key.endsWith('$')) continue;
    const host = normalizeHost(key.slice(SITE_PREFIX.length));
    if (host) sites[host] = validateSiteEntry(value, defaults);
  }
  return sites;
}

/** Applies one keyboard-shortcut command to settings. Pure so the background and the tests share it. */
export type Command = 'increase-text' | 'decrease-text' | 'toggle-contrast';
export function applyCommand(settings: Readonly<Settings>, command: Command): Settings {
  switch (command) {
    case 'increase-text':
      return { ...settings, fontScale: roundScale(settings.fontScale + SCALE_STEP) };
    case 'decrease-text':
      return { ...settings, fontScale: roundScale(settings.fontScale - SCALE_STEP) };
    case 'toggle-contrast':
      return { ...settings, contrast: settings.contrast === 'off' ? 'high' : 'off' };
  }
}

/* ---------------------------------------------------------------- export / import */

export const EXPORT_FORMAT = 'accessible-reader-settings';
export const EXPORT_VERSION = 1;
/** Settings for even thousands of sites fit far below this; anything bigger is not ours. */
export const MAX_IMPORT_BYTES = 1_000_000;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  defaults: Settings;
  sites: Sites;
}

export function toExport(defaults: Readonly<Settings>, sites: Sites, now = new Date()): ExportFile {
  const clean: Sites = {};
  for (const host of Object.keys(sites).sort()) {
    const entry = compactEntry(sites[host]!);
    if (entry) clean[host] = entry;
  }
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), defaults: { ...defaults }, sites: clean };
}

/** Why a file was refused; the options page turns each into a sentence in the reader's language. */
export type ImportError = 'too-big' | 'not-json' | 'not-ours' | 'newer-version' | 'bad-defaults' | 'bad-site';

export type ImportResult =
  | { ok: true; defaults: Settings; sites: Sites }
  | { ok: false; error: ImportError; detail?: string };

/**
 * Reads an exported file strictly: unlike stored data (repaired field by field), a file with anything wrong
 * in it is refused as a whole, so that importing never half-applies and the reader learns the file is bad.
 */
export function parseImport(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: 'too-big' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (!isRecord(data) || data.format !== EXPORT_FORMAT) return { ok: false, error: 'not-ours' };
  if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1) return { ok: false, error: 'not-ours' };
  if (data.version > EXPORT_VERSION) return { ok: false, error: 'newer-version' };
  if (!isStrictSettings(data.defaults)) return { ok: false, error: 'bad-defaults' };
  if (!isRecord(data.sites)) return { ok: false, error: 'bad-site' };
  const sites: Sites = {};
  for (const [key, value] of Object.entries(data.sites)) {
    const host = normalizeHost(key);
    if (!host || !isStrictEntry(value)) return { ok: false, error: 'bad-site', detail: key.slice(0, 100) };
    const entry = compactEntry(value);
    if (entry) sites[host] = entry;
  }
  return { ok: true, defaults: validateSettings(data.defaults), sites };
}

function isStrictSettings(v: unknown): v is Settings {
  if (!isRecord(v)) return false;
  const keys = Object.keys(DEFAULT_SETTINGS);
  if (Object.keys(v).some((k) => !keys.includes(k))) return false;
  const s = v.fontScale;
  return (
    typeof s === 'number' && s >= MIN_SCALE && s <= MAX_SCALE &&
    oneOf(v.contrast, CONTRASTS) && oneOf(v.spacing, SPACINGS) && oneOf(v.font, FONTS) &&
    typeof v.hideClutter === 'boolean' && typeof v.toolbar === 'boolean' &&
    // Absent in files exported before the minimums existed.
    (v.minFontSize === undefined || floorValue(v.minFontSize, MIN_FONT_SIZE) === v.minFontSize) &&
    (v.minContrast === undefined || floorValue(v.minContrast, MIN_CONTRAST) === v.minContrast)
  );
}

function isStrictEntry(v: unknown): v is SiteEntry {
  if (!isRecord(v) || Object.keys(v).some((k) => k !== 'enabled' && k !== 'settings')) return false;
  if (v.enabled !== undefined && typeof v.enabled !== 'boolean') return false;
  return v.settings === undefined || isStrictSettings(v.settings);
}
