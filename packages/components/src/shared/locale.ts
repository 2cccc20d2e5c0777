/** The two languages every component speaks. Vietnamese first: it is the language of the pages we serve. */
export type Lang = 'vi' | 'en';

/**
 * The language of the nearest `lang` attribute, looking through shadow roots up to the document.
 * `vi`, `vi-VN` … give Vietnamese; any other declared language gives English; no `lang` at all gives Vietnamese.
 */
export function resolveLang(el: Element): Lang {
  let node: Element | null = el;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found) return /^vi\b/i.test(found.getAttribute('lang') ?? '') ? 'vi' : 'en';
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return 'vi';
}

/** Numbers in the reader's locale: `4,2` in Vietnamese, `4.2` in English. */
export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits }).format(value);
}
