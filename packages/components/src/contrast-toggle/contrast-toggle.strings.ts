import type { Lang } from '../shared/locale.js';

/**
 * Text of `<ar-contrast-toggle>`. The label is the whole accessible name and never changes with the state
 * (APG toggle button): `aria-pressed` says whether it is on.
 */
export const contrastStrings: Record<Lang, { label: string }> = {
  vi: { label: 'Tương phản cao' },
  en: { label: 'High contrast' },
};
