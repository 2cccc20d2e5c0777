/**
 * The welcome page, opened once when the extension is installed: choose a text size and colours on a live sample
 * (saved at once as the settings of every government site), what the extension does and does not do, and how to
 * pin its button. Exported as a function so that Storybook can start it on a fake `browser`.
 */
import { browser } from 'wxt/browser';
import { localize, t } from '../../lib/i18n';
import { bindSettingsForm, defineControls } from '../../lib/settings-form';
import { getDefaults, onSettingsChanged, setDefaults } from '../../lib/store';
import { statusAnnouncer } from '../../lib/status';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export async function startWelcome(): Promise<void> {
  localize();
  defineControls();
  const say = statusAnnouncer($('status'));
  $('more').addEventListener('click', () => void browser.runtime.openOptionsPage());
  const form = bindSettingsForm($('choice'), (settings) => {
    void setDefaults(settings).then((result) => {
      // The size control announces each new size itself; only what the reader must know is said here.
      if (!result.ok) say(t('saveFailed'), 'error');
      else if (result.where === 'local') say(t('savedLocal'));
    });
  });
  form.set(await getDefaults());
  onSettingsChanged(['defaults'], getDefaults, (s) => form.set(s));
}
