/**
 * Pages that try to make the extension's components work for them (issue 14, point 3), for the Chromium and
 * the Firefox suites: markup with the extension's own tag names and URLs, a script that writes a URL on the
 * extension's element, a page that defines one of the tag names itself. Served by `startPages(markupPages())`;
 * whatever the extension fetched shows in `pages.requests` as `/feed.json?…` or `/vote?…`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inPage, type InPage } from './reader-probes';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/gov-pages/${name}`, import.meta.url)), 'utf8');

/** The extension's tags as a page could write them, each with something the extension must never act on. */
const IMITATIONS = `
<arx-related-articles id="fake-related" src="/feed.json?from=markup" heading="Tin giả"><a href="https://evil.example/">Tin giả</a></arx-related-articles>
<arx-rating id="fake-rating" endpoint="/vote?from=markup" average="5" count="999"></arx-rating>
<arx-font-size id="fake-size" target="body" value="300"></arx-font-size>
<arx-contrast-toggle id="fake-contrast" mode="yellow" pressed></arx-contrast-toggle>`;

export function markupPages(): Record<string, string> {
  const nukeviet = fixture('nukeviet45-default-news-detail.html');
  const vhv = fixture('vhv-portal-article.html');
  return {
    // No script at all: markup alone.
    'markup-only.html': nukeviet.replace('<div id="news-bodyhtml"', `${IMITATIONS}\n<div id="news-bodyhtml"`),
    // A script makes the same elements after the reader has started, and points the reader's own
    // related-articles element (the takeover of the empty box) at a URL.
    'markup-script.html': vhv.replace(
      '</body>',
      `<script>
new MutationObserver(function (records, observer) {
  var own = document.querySelector('arx-related-articles:not([id])');
  if (!own) return;
  observer.disconnect();
  own.setAttribute('src', '/feed.json?from=attribute');
  var made = document.createElement('arx-related-articles');
  made.id = 'made-related';
  made.setAttribute('src', '/feed.json?from=createElement');
  document.body.append(made);
  document.body.insertAdjacentHTML('beforeend', '<arx-related-articles id="parsed-related" src="/feed.json?from=innerHTML"></arx-related-articles>');
  window.pageActed = true;
}).observe(document.documentElement, { childList: true, subtree: true });
</script></body>`,
    ),
    // The page defines one of the tag names for itself before the reader starts.
    'defines-tag.html': nukeviet.replace(
      '<head>',
      `<head><script>
window.seen = [];
customElements.define('arx-font-size', class extends HTMLElement {
  static get observedAttributes() { return ['target', 'min', 'max', 'lang']; }
  constructor() { super(); window.seen.push('constructed'); }
  attributeChangedCallback(name, old, value) { window.seen.push(name + '=' + value); }
  connectedCallback() { window.seen.push('connected'); }
});
</script>`,
    ),
  };
}

/** What became of the imitations: none may have a shadow root, a `status` or the page's URLs fetched. */
export const imitations = (page: InPage) =>
  inPage(page, () =>
    [...document.querySelectorAll('[id^=fake-], #made-related, #parsed-related')].map((el) => ({
      id: el.id,
      upgraded: !!el.shadowRoot || el.hasAttribute('status') || el.matches(':defined'),
    })),
  );

/** Requests for the URLs the pages wrote: the extension must have made none. */
export const fetchedFromMarkup = (requests: readonly string[]) => requests.filter((r) => /^\/(feed\.json|vote)\b/.test(r));
