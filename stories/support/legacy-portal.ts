/**
 * A ward's news article as a legacy portal serves it (no components: the site's own bare star radios and a plain
 * "Bài viết liên quan" list), for the stories that run the engine on a page: the toolbar and the reader view.
 * The same made-up article as the sample page (gov-article.ts), in Vietnamese or English.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { relatedItems } from './content';
import { govArticle, siteUrl } from './gov-article';
import './gov-page.css';

export interface PortalOptions {
  /** The site's own star rating (bare radios 1–5), which the engine turns into the rating component. */
  rating?: boolean;
  /** The site's related-article list, which the reader view shows as the related-articles component. */
  related?: boolean;
}

const words = {
  vi: { rate: 'Đánh giá bài viết', star: (n: number) => `${n} sao`, related: 'Bài viết liên quan' },
  en: { rate: 'Rate this article', star: (n: number) => `${n} star${n > 1 ? 's' : ''}`, related: 'Related articles' },
};

/** The page, with a site rating and related list unless told otherwise. */
export function legacyPortal(lang: 'vi' | 'en', { rating = true, related = true }: PortalOptions = {}): TemplateResult {
  const a = govArticle(lang, relatedItems(lang));
  const w = words[lang];
  return html`
    <div class="gov-page" lang=${lang}>
      <header class="gov-header">
        <a class="gov-skip" href="#noi-dung">${a.skip}</a>
        <div class="gov-header__inner">
          <span class="gov-emblem" aria-hidden="true">★</span>
          <div>
            <p class="gov-portal">${a.portal}</p>
            <p class="gov-ward">${a.ward}</p>
          </div>
        </div>
        <nav class="gov-nav" aria-label=${a.menuLabel}>
          <ul>
            ${a.menu.map((item, i) => html`<li><a href=${siteUrl(i ? `muc-${i}.html` : '')}>${item}</a></li>`)}
          </ul>
        </nav>
      </header>
      <main id="noi-dung" class="gov-main" tabindex="-1">
        <nav class="gov-breadcrumb" aria-label=${a.breadcrumbLabel}>
          <ol>
            ${a.breadcrumb.map((item, i) => html`<li><a href=${siteUrl(i ? `tin-tuc/muc-${i}.html` : '')}>${item}</a></li>`)}
          </ol>
        </nav>
        <article class="gov-article">
          <h1>${a.title}</h1>
          <p class="gov-meta">${a.meta.updatedLabel}: <time datetime=${a.meta.datetime}>${a.meta.updated}</time> · ${a.meta.source}</p>
          <p class="gov-lead">${a.lead}</p>
          ${a.body.map((p) => html`<p>${p}</p>`)}
          <figure class="gov-figure">
            <img src=${a.figure.src} alt=${a.figure.alt} width="320" height="240" />
            <figcaption>${a.figure.caption}</figcaption>
          </figure>
          <h2>${a.resultsHeading}</h2>
          <ul>
            ${a.results.map((r) => html`<li>${r}</li>`)}
          </ul>
          <p>${a.closing}</p>
          <p class="gov-author">${a.author}</p>
          ${rating
            ? html`<form class="gov-rating">
                <fieldset>
                  <legend>${w.rate}</legend>
                  ${[1, 2, 3, 4, 5].map((n) => html`<label><input type="radio" name="danhgia" value=${n} /> ${w.star(n)}</label> `)}
                </fieldset>
              </form>`
            : nothing}
        </article>
        ${related
          ? html`<section class="gov-related" aria-labelledby="lien-quan">
              <h2 id="lien-quan">${w.related}</h2>
              <ul>
                ${a.related.map((r) => html`<li><a href=${r.url}>${r.title}</a></li>`)}
              </ul>
            </section>`
          : nothing}
      </main>
      <footer class="gov-footer">
        <div class="gov-footer__inner">
          ${a.footer.map((line) => html`<p>${line}</p>`)}
          <p>${a.fiction}</p>
        </div>
      </footer>
    </div>
  `;
}
