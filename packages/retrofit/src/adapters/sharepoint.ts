import { query, queryAll, textOf } from '../dom.js';
import type { Adapter } from '../types.js';
import { completeArticle } from './generic.js';
import { vietnameseDate } from './metadata.js';

/**
 * SharePoint 2013 ministry portals (mic.gov.vn style news detail web part): `#news_content`,
 * `#divArticleContent`, `fontPlus()`/`fontMinus()` links, `#tuongphan` contrast links, `#rattingdanhgia`
 * radios.
 */
export const sharepoint: Adapter = {
  name: 'sharepoint',
  detect: (doc) => !!query(doc, 'meta[name="GENERATOR" i][content*="SharePoint" i], #s4-workspace'),
  find(doc) {
    const root = query(doc, '#news_content, .news_content');
    const body = root?.querySelector('#divArticleContent') ?? root?.querySelector('.news_detail');
    if (!root || !body) return null;
    const titleEl = root.querySelector('.title_news h1, h1') ?? undefined;
    const published = vietnameseDate(textOf(root.querySelector('.date-detail')));
    const signature = root.querySelector('p[align="right"] > strong');
    const fontControls = [...queryAll(doc, 'a[href*="fontPlus"], a[href*="fontMinus"]')].map((a) => a.closest('.detail-icon') ?? a);
    return completeArticle(doc, 'sharepoint', root, body, titleEl, {
      fontControls: [...new Set(fontControls)],
      contrastControls: [...queryAll(doc, '#tuongphan')],
      ratingInputs: [...queryAll(doc, '#rattingdanhgia input[type="radio"]')],
    }, { ...(published ? { published } : {}), ...(signature && textOf(signature) ? { byline: textOf(signature) } : {}) });
  },
};
