import type { Adapter } from '../types.js';
import { completeArticle } from './generic.js';
import { isoDate, vietnameseDate } from './metadata.js';

/**
 * VHV CMS ward and commune portals: `article.news-detail-layout-type-N`, `.content-detail` body,
 * `fontCustom()` A-/A/A+ links, `setContrast()` links, hover-star rating, "Bài viết liên quan" panel.
 */
export const vhv: Adapter = {
  name: 'vhv',
  detect: (doc) => !!doc.querySelector('[onclick*="VHV.App"], article[class*="news-detail-layout"], .ModuleWrapper[modulerootid]'),
  find(doc) {
    const body = doc.querySelector('article .content-detail, .content-detail[itemprop="articleBody"], .content-detail.font-size-text');
    const root = body?.closest('article') ?? doc.querySelector('article[class*="news-detail-layout"]');
    if (!body || !root) return null;
    const titleEl = root.querySelector('h1.title-detail, [itemprop="headline"], h1') ?? undefined;
    const published = isoDate(root.querySelector('meta[itemprop="datePublished"]')?.getAttribute('content')) ?? vietnameseDate(root.querySelector('.post-date')?.textContent ?? '');
    const fontLinks = [...root.querySelectorAll('[onclick*="fontCustom"]')];
    // The " | " after A+ belongs to the font tool; it would be left dangling.
    const separator = fontLinks.at(-1)?.nextElementSibling;
    const fontControls = separator?.classList.contains('drash') ? [...fontLinks, separator] : fontLinks;
    const related = doc.querySelector('.frame-tinlienquan');
    return completeArticle(doc, 'vhv', root, body, titleEl, {
      fontControls,
      contrastControls: [...doc.querySelectorAll('[onclick*="setContrast"]')],
      ratingInputs: [...root.querySelectorAll('.rating input.hover-star[type="radio"], .rating input[type="radio"]')],
      // An empty panel is replaced; a filled one is kept as it is.
      related: related && !related.querySelector('.panel-body a[href]') ? related : null,
      keep: related?.querySelector('.panel-body a[href]') ? [related] : [],
      clutter: [...doc.querySelectorAll('.col-right')].filter((c) => !c.contains(root)),
    }, published ? { published } : {});
  },
};
