/**
 * The options page: the settings shared by every government site, the sites with settings of their own, backup to
 * a file, shortcuts, reset. Exported as a function so that Storybook can start it on a fake `browser`.
 */
import { browser } from 'wxt/browser';
import { hasSitePermission } from '../../lib/commands';
import { localize, percent, t, type MessageKey } from '../../lib/i18n';
import { bindSettingsForm, defineControls } from '../../lib/settings-form';
import {
  hostPattern,
  isEnabled,
  isGovHost,
  MAX_IMPORT_BYTES,
  parseImport,
  toExport,
  type Contrast,
  type ImportError,
  type ImportResult,
  type SiteEntry,
  type Sites,
} from '../../lib/settings';
import { getAll, onSettingsChanged, replaceAll, resetAll, setDefaults, setSite, type WriteResult } from '../../lib/store';
import { statusAnnouncer } from '../../lib/status';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let say: ReturnType<typeof statusAnnouncer> = () => undefined;

/** Saves and says how it went: saved, saved on this computer only (sync is full), or not saved. */
async function save(work: Promise<WriteResult>, message = t('saved'), localMessage = t('savedLocal')): Promise<boolean> {
  const result = await work;
  if (!result.ok) say(t('saveFailed'), 'error');
  else say(result.where === 'local' ? localMessage : message);
  return result.ok;
}

const CONTRAST_LABEL: Record<Contrast, MessageKey> = { off: 'contrastOff', high: 'contrastHigh', dark: 'contrastDark', yellow: 'contrastYellow' };
const IMPORT_ERROR: Record<ImportError, MessageKey> = {
  'too-big': 'errTooBig',
  'not-json': 'errNotJson',
  'not-ours': 'errNotOurs',
  'newer-version': 'errNewer',
  'bad-defaults': 'errBadDefaults',
  'bad-site': 'errBadSite',
};

/** An element with properties (never HTML) and children: page data stays text. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string | boolean> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

let form: ReturnType<typeof bindSettingsForm>;
let sites: Sites = {};

async function render(): Promise<void> {
  await show(await getAll());
}

async function show(all: Awaited<ReturnType<typeof getAll>>): Promise<void> {
  sites = all.sites;
  form.set(all.defaults);
  // Said on the page for as long as it is true, not only once in the status line.
  $('local-note').hidden = all.localItems === 0;
  $('local-note').textContent = all.localItems ? t('storedLocally', String(all.localItems)) : '';
  await renderSites();
}

/** Rebuilds the list of sites, keeping keyboard focus on the same control of the same site. */
async function renderSites(): Promise<void> {
  const list = $('sites');
  const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
  const hosts = Object.keys(sites).sort((a, b) => a.localeCompare(b));
  const permitted = await Promise.all(hosts.map(hasSitePermission));
  list.replaceChildren(...hosts.map((host, i) => siteItem(host, sites[host]!, permitted[i]!)));
  $('no-sites').hidden = hosts.length > 0;
  if (focusKey) list.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
}

function siteItem(host: string, entry: SiteEntry, permitted: boolean): HTMLLIElement {
  const box = el('input', { type: 'checkbox', checked: isEnabled(host, entry) && permitted });
  box.dataset.focusKey = `on:${host}`;
  box.addEventListener('change', () => {
    if (!box.checked || permitted) return void save(setSite(host, { ...entry, enabled: box.checked }), t(box.checked ? 'turnedOn' : 'turnedOff'));
    // Outside .gov.vn the site's permission is asked in this click, for this one site.
    browser.permissions.request({ origins: [hostPattern(host)] }).then(
      (granted) => {
        if (granted) return save(setSite(host, { ...entry, enabled: true }), t('turnedOn'));
        box.checked = false;
        say(t('permissionDenied'), 'error');
        return undefined;
      },
      () => {
        box.checked = false;
        say(t('permissionDenied'), 'error');
      },
    );
  });
  const s = entry.settings;
  const waiting = isEnabled(host, entry) && !permitted;
  const summary = waiting ? t('needsPermission') : s ? t('ownSettings', percent(s.fontScale), t(CONTRAST_LABEL[s.contrast])) : t('usesDefaults');
  const remove = el('button', { type: 'button', className: 'secondary' }, t('remove'), el('span', { className: 'vh' }, ` ${host}`));
  remove.dataset.focusKey = `rm:${host}`;
  remove.addEventListener('click', async () => {
    const next = remove.closest('li')?.nextElementSibling?.querySelector<HTMLElement>('input') ?? $('sites-heading');
    if (!(await save(setSite(host, {}), t('removed', host)))) return;
    // A removed site keeps no access: its permission goes too (government sites have none of their own).
    if (!isGovHost(host)) await browser.permissions.remove({ origins: [hostPattern(host)] }).catch(() => false);
    delete sites[host];
    await renderSites();
    (next.isConnected ? next : $('sites-heading')).focus();
  });
  return el(
    'li',
    {},
    el('h3', {}, host),
    el('label', { className: 'choice' }, box, el('span', {}, t('siteOnFor', host))),
    el('p', { className: 'summary' }, summary),
    remove,
  );
}

/** Starts the options page on the document's markup (index.html). */
export async function startOptions(): Promise<void> {
  say = statusAnnouncer($('status'));
  localize();
  defineControls();
  form = bindSettingsForm($('defaults'), (settings) => void save(setDefaults(settings)));
  $('sites-heading').tabIndex = -1;
  bindBackup();
  bindReset();
  onSettingsChanged(null, getAll, (all) => void show(all));
  await Promise.all([render(), renderShortcuts()]);
}

function bindBackup(): void {
  $('export').addEventListener('click', async () => {
    const { defaults, sites: all } = await getAll();
    const blob = new Blob([JSON.stringify(toExport(defaults, all), null, 2) + '\n'], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: 'accessible-reader-settings.json' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    say(t('exported'));
  });

  const input = $<HTMLInputElement>('import');
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const name = file.name.slice(0, 80);
    // A huge file is refused before it is read into memory.
    const result: ImportResult = file.size > MAX_IMPORT_BYTES ? { ok: false, error: 'too-big' } : parseImport(await file.text());
    if (!result.ok) return say(t('importRejected', name, t(IMPORT_ERROR[result.error])), 'error');
    await save(replaceAll(result.defaults, result.sites), t('imported', name), t('importedLocal', name));
    await render();
  });
}

function bindReset(): void {
  const dialog = $<HTMLDialogElement>('confirm-reset');
  $('reset').addEventListener('click', () => dialog.showModal());
  dialog.addEventListener('close', async () => {
    $('reset').focus();
    if (dialog.returnValue !== 'reset') return;
    dialog.returnValue = '';
    await save(resetAll(), t('resetDone'));
    await render();
  });
}

async function renderShortcuts(): Promise<void> {
  const commands = await browser.commands.getAll().catch(() => []);
  $('shortcuts').replaceChildren(
    ...commands
      .filter((c) => c.name && c.description && !c.name.startsWith('_'))
      .flatMap((c) => [el('dt', {}, c.description!), el('dd', {}, c.shortcut ? el('kbd', {}, c.shortcut) : t('shortcutNone'))]),
  );
}
