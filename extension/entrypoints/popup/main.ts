import './style.css';
import { browser } from 'wxt/browser';
import { hasSitePermission, injectReader } from '../../lib/commands';
import { localize, t } from '../../lib/i18n';
import type { Message } from '../../lib/messages';
import { bindSettingsForm, defineControls } from '../../lib/settings-form';
import { effectiveSettings, hostOfUrl, hostPattern, isEnabled, isGovHost, type SiteEntry } from '../../lib/settings';
import { AREA, getAll, getDefaults, getSite, setDefaults, setSite } from '../../lib/store';
import { statusAnnouncer } from '../../lib/status';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const say = statusAnnouncer($('status'));

/** Saves; says so only when asked (each A+ press already announces the new size), and always on failure. */
async function save(work: Promise<unknown>, message?: string): Promise<void> {
  try {
    await work;
    if (message) say(message);
  } catch (error) {
    console.warn('Accessible Reader: could not save.', error);
    say(t('saveFailed'), 'error');
  }
}

/** The tab the popup is about: the active one, or `?tab=<id>` when opened as a page (options, tests). */
async function currentTab() {
  const id = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(id) && id > 0) return browser.tabs.get(id).catch(() => undefined);
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0];
}

async function main(): Promise<void> {
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
  $('enabled-hint').textContent = t(gov ? 'siteOnHintGov' : 'siteOnHintOther');
  $('controls').hidden = false;
  // The article alone, on any site and whether the reader is on here or not; the popup closes so that the
  // reader view (which takes focus) is what the reader sees and hears next.
  $('reader-view').addEventListener('click', () => {
    const message: Message = { type: 'command', command: 'reader-view', tabId };
    void browser.runtime.sendMessage(message).finally(() => {
      if (!new URLSearchParams(location.search).has('tab')) window.close();
    });
  });

  let entry: SiteEntry = await getSite(host);
  let permitted = await hasSitePermission(host);
  const enabled = $<HTMLInputElement>('enabled');
  const form = bindSettingsForm($('settings'), (settings) => {
    entry = { ...entry, settings };
    void save(setSite(host, entry));
  });

  const render = async () => {
    const on = isEnabled(host, entry) && permitted;
    enabled.checked = on;
    $('settings').hidden = !on;
    $('off-note').hidden = on;
    form.set(effectiveSettings(await getDefaults(), entry));
  };
  await render();

  const turn = async (on: boolean) => {
    entry = { ...entry, enabled: on };
    await save(setSite(host, entry), t(on ? 'turnedOn' : 'turnedOff'));
    // A site outside .gov.vn has no content script yet in this tab.
    if (on && !gov) await injectReader(tabId).catch(() => undefined);
    await render();
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

  $('apply-all').addEventListener('click', () => {
    const settings = form.get();
    const work = (async () => {
      await setDefaults(settings);
      // Government sites with their own settings now follow the defaults (their on/off choice stays).
      const { sites } = await getAll();
      await Promise.all(
        Object.entries(sites)
          .filter(([h, e]) => isGovHost(h) && e.settings)
          .map(([h, e]) => setSite(h, { enabled: e.enabled })),
      );
      entry = await getSite(host);
    })();
    void save(work, t('appliedAll'));
  });

  // A shortcut pressed or the options page changed while the popup is open.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== AREA) return;
    void getSite(host).then((e) => {
      entry = e;
      return render();
    });
  });
}

void main();
