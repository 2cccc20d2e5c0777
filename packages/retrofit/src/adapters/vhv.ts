import type { Adapter } from '../types.js';
import { completeArticle } from './generic.js';
import { isoDate, vietnameseDate } from './metadata.js';
import { query, queryAll } from '../dom.js';

/**
 * VHV CMS ward and commune portals: `article.news-detail-layout-type-N`, `.content-detail` body,
 * `fontCustom()` A-/A/A+ links, `setContrast()` links, hover-star rating, "Bài viết liên quan" panel.
 */
export const vhv: Adapter = {
  name: 'vhv',
  detect: (doc) => !!query(doc, '[onclick*="VHV.App"], article[class*="news-detail-layout"], .ModuleWrapper[modulerootid]'),
  find(doc) {
    const body = query(doc, 'article .content-detail, .content-detail[itemprop="articleBody"], .content-detail.font-size-text');
    const root = body?.closest('article') ?? query(doc, 'article[class*="news-detail-layout"]');
    if (!body || !root) return null;
    const titleEl = root.querySelector('h1.title-detail, [itemprop="headline"], h1') ?? undefined;
    const published = isoDate(root.querySelector('meta[itemprop="datePublished"]')?.getAttribute('content')) ?? vietnameseDate(root.querySelector('.post-date')?.textContent ?? '');
    const fontLinks = [...root.querySelectorAll('[onclick*="fontCustom"]')];
    // The " | " after A+ belongs to the font tool; it would be left dangling.
    const separator = fontLinks.at(-1)?.nextElementSibling;
    const fontControls = separator?.classList.contains('drash') ? [...fontLinks, separator] : fontLinks;
    const related = query(doc, '.frame-tinlienquan');
    return completeArticle(doc, 'vhv', root, body, titleEl, {
      fontControls,
      contrastControls: [...queryAll(doc, '[onclick*="setContrast"]')],
      ratingInputs: [...root.querySelectorAll('.rating input.hover-star[type="radio"], .rating input[type="radio"]')],
      // An empty panel is replaced; a filled one is kept as it is.
      related: related && !related.querySelector('.panel-body a[href]') ? related : null,
      keep: related?.querySelector('.panel-body a[href]') ? [related] : [],
      clutter: [...queryAll(doc, '.col-right')].filter((c) => !c.contains(root)),
    }, published ? { published } : {});
  },
};
