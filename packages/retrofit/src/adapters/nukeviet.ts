import { query, queryAll, textOf } from '../dom.js';
import type { Adapter } from '../types.js';
import { completeArticle } from './generic.js';
import { firstShown, shown } from './metadata.js';

/**
 * NukeViet 4.x news module (theme default and its descendants): `.news_column[itemtype=NewsArticle]`,
 * `#news-bodyhtml`, `form` with `.hover-star` radios calling `sendrating()`, "Những tin mới hơn / cũ hơn"
 * lists, statistics counter block. The default theme has no font-size or contrast tools.
 */
export const nukeviet: Adapter = {
  name: 'nukeviet',
  detect: (doc) => !!query(doc, 'meta[name="generator" i][content*="NukeViet" i], #news-bodyhtml'),
  find(doc) {
    const body = query(doc, '#news-bodyhtml, .bodytext[itemprop="articleBody"]');
    const root = body?.closest('[itemtype*="NewsArticle" i]') ?? body?.closest('.news_column');
    if (!body || !root) return null;
    const titleEl = firstShown(root, '[itemprop="headline"], h1.title, h1');
    // The schema.org fields are hidden on some themes (eGov): the visible date and "Tác giả bài viết" line,
    // found by the shared rules, come first; the hidden author only stands in when nothing else names one.
    const authorEl = root.querySelector('[itemprop="author"] [itemprop="name"]');
    const author = authorEl && shown(authorEl) ? textOf(authorEl) : '';
    const related = [...queryAll(doc, '.other-news, .related')].map((r) => r.closest('.news_column') ?? r);
    return completeArticle(doc, 'nukeviet', root, body, titleEl, {
      ratingInputs: [...queryAll(doc, 'input.hover-star[type="radio"]')],
      keep: related,
      clutter: [...queryAll(doc, '.counter')].map((c) => c.closest('.panel') ?? c),
    }, author ? { byline: author } : {});
  },
};
