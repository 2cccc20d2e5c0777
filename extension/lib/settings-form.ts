/**
 * Binds the settings controls of the popup or the options page (static, translated markup) to a `Settings`
 * value. Controls are found by `name`; a page may leave some out (the popup has no font or toolbar choice).
 */
import { ArFontSize } from '@accessible-reader/components/font-size/font-size.js';
import { defineElement } from '@accessible-reader/components/shared/define-element.js';
import { percent, t } from './i18n';
import { CONTRASTS, DEFAULT_SETTINGS, roundScale, validateSettings, type Settings } from './settings';

/** Extension pages have their own registry: the `arx-` prefix is only for consistency with the content script. */
export function defineControls(): void {
  defineElement('arx-font-size', ArFontSize);
}

/** The fields that are settings (a page's other controls, such as on/off or "only this site", are its own business). */
const SETTING_FIELDS = 'input[name=contrast], input[type=checkbox]:is([name=spacing], [name=font], [name=hideClutter], [name=toolbar])';

export interface SettingsForm {
  set(settings: Settings): void;
  get(): Settings;
}

export function bindSettingsForm(root: HTMLElement, onChange: (settings: Settings) => void): SettingsForm {
  let current: Settings = { ...DEFAULT_SETTINGS };
  const size = root.querySelector<ArFontSize>('arx-font-size');
  const sizeValue = root.querySelector<HTMLElement>('.size-value');
  const preview = root.querySelector<HTMLElement>('.preview');
  const box = (name: string) => root.querySelector<HTMLInputElement>(`input[type=checkbox][name=${name}]`);
  const radios = [...root.querySelectorAll<HTMLInputElement>('input[type=radio][name=contrast]')];

  const render = () => {
    if (size) size.value = Math.round(current.fontScale * 100);
    if (sizeValue) sizeValue.textContent = t('textSizeValue', percent(current.fontScale));
    if (preview) preview.dataset.contrast = current.contrast;
    for (const r of radios) r.checked = r.value === current.contrast;
    const spacing = box('spacing');
    if (spacing) spacing.checked = current.spacing === 'wcag';
    const font = box('font');
    if (font) font.checked = current.font === 'legible';
    const clutter = box('hideClutter');
    if (clutter) clutter.checked = current.hideClutter;
    const toolbar = box('toolbar');
    if (toolbar) toolbar.checked = current.toolbar;
  };

  const read = (): Settings => {
    const checked = radios.find((r) => r.checked)?.value;
    return validateSettings(
      {
        fontScale: size ? roundScale(size.value / 100) : current.fontScale,
        contrast: CONTRASTS.find((c) => c === checked) ?? current.contrast,
        spacing: box('spacing') ? (box('spacing')!.checked ? 'wcag' : 'off') : current.spacing,
        font: box('font') ? (box('font')!.checked ? 'legible' : 'page') : current.font,
        hideClutter: box('hideClutter')?.checked ?? current.hideClutter,
        toolbar: box('toolbar')?.checked ?? current.toolbar,
      },
      current,
    );
  };

  // The font-size control's `change` bubbles out of its shadow root like the native inputs' does.
  root.addEventListener('change', (event) => {
    const target = event.target as Element | null;
    if (!target || !(target === size || target.matches(SETTING_FIELDS))) return;
    current = read();
    render();
    onChange(current);
  });

  render();
  return {
    set(settings) {
      current = { ...settings };
      render();
    },
    get: () => ({ ...current }),
  };
}
