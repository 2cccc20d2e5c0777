/**
 * The toolbar-button popup: on or off for this site, text size, colours, spacing, side content, and "only this
 * site" on government sites. Exported as a function so that Storybook can start it on a fake `browser`.
 */
import { browser } from 'wxt/browser';
import { hasSitePermission, injectReader } from '../../lib/commands';
import { localize, t } from '../../lib/i18n';
import type { Message } from '../../lib/messages';
import { bindSettingsForm, defineControls } from '../../lib/settings-form';
import { effectiveSettings, hostOfUrl, hostPattern, isEnabled, isGovHost, scopeOf, type SiteEntry } from '../../lib/settings';
import { choose, getDefaults, getSite, keysFor, onSettingsChanged, setEnabled, setScope, type WriteResult } from '../../lib/store';
import { statusAnnouncer } from '../../lib/status';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Starts the popup on the document's markup (index.html). */
export async function startPopup(): Promise<void> {
  const say = statusAnnouncer($('status'));

  /** Saves; says so only when asked (each A+ press already announces the new size), and always when it matters. */
  const save = async (work: Promise<WriteResult>, message?: string): Promise<boolean> => {
    const result = await work;
    if (!result.ok) say(t('saveFailed'), 'error');
    else if (result.where === 'local') say(t('savedLocal'));
    else if (message) say(message);
    return result.ok;
  };

  localize();
  defineControls();
  $('more').addEventListener('click', () => void browser.runtime.openOptionsPage());

  const tab = await currentTab();
  const host = hostOfUrl(tab?.url);
  if (!tab?.id || !host) {
    $('unavailable').hidden = false;
    return;
  }
  const tabId = tab.id;
  const gov = isGovHost(host);
  $('site').textContent = t('thisSite', host);
  // The article alone, on any site and whether the reader is on here or not; the popup closes so that the
  // reader view (which takes focus) is what the reader sees and hears next.
  $('reader-view').addEventListener('click', () => {
    const message: Message = { type: 'command', command: 'reader-view', tabId };
    void browser.runtime.sendMessage(message).finally(() => {
      if (!new URLSearchParams(location.search).has('tab')) window.close();
    });
  });

  let entry: SiteEntry = await getSite(host);
  let defaults = await getDefaults();
  let permitted = await hasSitePermission(host);
  const enabled = $<HTMLInputElement>('enabled');
  const scope = $<HTMLInputElement>('scope');
  const form = bindSettingsForm($('settings'), (settings) => {
    // Shown at once; kept where this site's choices go (every government site, or this site only).
    if (scopeOf(host, entry) === 'site') entry = { ...entry, settings };
    else defaults = settings;
    void save(choose(host, settings));
  });

  const render = () => {
    const on = isEnabled(host, entry) && permitted;
    const own = scopeOf(host, entry) === 'site';
    enabled.checked = on;
    $('settings').hidden = !on;
    $('off-note').hidden = on || (!gov && !permitted);
    $('enabled-hint').hidden = gov || on;
    $('scope-row').hidden = !gov;
    $('scope-other').hidden = gov;
    scope.checked = own;
    $('scope-hint').textContent = t(own ? 'scopeHintOwn' : 'scopeHintShared');
    form.set(effectiveSettings(defaults, entry));
  };
  render();
  // Shown once they say what is true: never a switch that flips a moment after the popup opens.
  $('controls').hidden = false;
  $('reader-view').hidden = false;

  const turn = async (on: boolean) => {
    entry = { ...entry, enabled: on };
    await save(setEnabled(host, on), t(on ? 'turnedOn' : 'turnedOff'));
    // A site outside .gov.vn has no content script yet in this tab.
    if (on && !gov) await injectReader(tabId).catch(() => undefined);
    render();
  };

  enabled.addEventListener('change', () => {
    if (!enabled.checked || permitted) return void turn(enabled.checked);
    // Asked now, in the click, for this one site: the extension never holds all sites up front.
    browser.permissions.request({ origins: [hostPattern(host)] }).then(
      (granted) => {
        permitted = granted;
        if (granted) return turn(true);
        enabled.checked = false;
        say(t('permissionDenied'), 'error');
        return undefined;
      },
      () => {
        enabled.checked = false;
        say(t('permissionDenied'), 'error');
      },
    );
  });

  scope.addEventListener('change', async () => {
    const own = scope.checked;
    // Shown at once: "only this site" starts from what the site shows now.
    entry = own ? { ...entry, settings: form.get() } : { ...entry, settings: undefined };
    render();
    await save(setScope(host, own ? 'site' : 'government'), t(own ? 'scopeOnNow' : 'scopeOffNow'));
  });

  // A shortcut, the page's toolbar or the options page changed something while the popup is open.
  onSettingsChanged(
    keysFor(host),
    () => Promise.all([getSite(host), getDefaults()]),
    ([e, d]) => {
      entry = e;
      defaults = d;
      render();
    },
  );
}

/** The tab the popup is about: the active one, or `?tab=<id>` when opened as a page (options, tests). */
async function currentTab() {
  const id = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(id) && id > 0) return browser.tabs.get(id).catch(() => undefined);
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0];
}
