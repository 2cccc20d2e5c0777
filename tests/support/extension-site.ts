/**
 * The sample government pages as the built extension meets them, for the Chromium and the Firefox suites alike:
 * served on 127.0.0.1 and reached under made-up host names (each browser is told to resolve them there), so
 * that `*.gov.vn` matching is real. Also the page-side checks both suites run in those pages.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMessage, type MessageEntry } from '../../extension/lib/message-format';

const FIXTURES = fileURLToPath(new URL('../fixtures/gov-pages/', import.meta.url));
export const GOV_HOST = 'portal.phuong-test.gov.vn';
export const OTHER_HOST = 'other-site.test';
export const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The axe-core rule tags every extension page and every page state must pass. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** A page served with response headers of its own (a Content-Security-Policy, say). */
export interface ServedPage {
  body: string;
  headers: Record<string, string>;
}

export interface Pages {
  port: number;
  url: (host: string, page?: string) => string;
  /** Paths requested so far, in order (`/feed.json?x=1`), to prove what was or was not fetched. */
  requests: string[];
  close: () => void;
}

/**
 * Serves the sample pages (and, under `retrofit/` and `corpus/`, the pages of other platforms), plus variants of
 * the NukeViet one: `/own-script.html` with a button of the site's
 * own; `/slow.html`, whose last script takes a second to arrive, so that the page is painted well before
 * DOMContentLoaded (when the engine starts): what is on screen then is the early stylesheet's work; and
 * `/first-frame.html`, which records what its first frame with the article showed.
 * `extra` adds pages by name (`{ 'x.html': '<!doctype html>…' }`), or with headers of their own
 * (`{ 'x.html': { body, headers: { 'content-security-policy': … } } }`); anything else answers 404.
 */
export async function startPages(extra: Record<string, string | ServedPage> = {}): Promise<Pages> {
  const pages = new Map(readdirSync(FIXTURES).filter((f) => f.endsWith('.html')).map((f) => [f, readFileSync(join(FIXTURES, f), 'utf8')]));
  // Pages of other platforms (the engine's and the extraction corpus's fixtures), under their folder's name.
  for (const dir of ['retrofit', 'corpus']) {
    const path = fileURLToPath(new URL(`../fixtures/${dir}/`, import.meta.url));
    if (existsSync(path)) for (const f of readdirSync(path).filter((n) => n.endsWith('.html'))) pages.set(`${dir}/${f}`, readFileSync(join(path, f), 'utf8'));
  }
  const nukeviet = pages.get('nukeviet45-default-news-detail.html')!;
  pages.set('slow.html', nukeviet.replace('</body>', '<script src="/slow.js"></script></body>'));
  pages.set(
    'own-script.html',
    nukeviet.replace(
      '</body>',
      `<p><button type="button" id="site-own">Số lượt bấm: 0</button></p>
<script>var n = 0; document.getElementById('site-own').addEventListener('click', function () { n++; this.textContent = 'Số lượt bấm: ' + n; });</script>
</body>`,
    ),
  );
  // Records, before each frame is painted, whether the article is visible yet and how: what the first frame
  // with the article showed is `window.firstFrame`. (A paint timestamp cannot say it: Firefox stamps a paint
  // with the start of its frame, which can precede a long task that changed the page before the paint.)
  pages.set(
    'first-frame.html',
    nukeviet.replace(
      '<head>',
      `<head><script>
window.firstFrame = null;
(function next() {
  requestAnimationFrame(function () {
    var p = document.querySelector('#news-bodyhtml p');
    var root = getComputedStyle(document.documentElement);
    // Hidden (visibility or opacity) while the extension reads the settings: nothing of the article shows.
    if (!p || root.visibility !== 'visible' || parseFloat(root.opacity) === 0) return next();
    var style = getComputedStyle(p);
    window.firstFrame = { fontSize: parseFloat(style.fontSize) * (p.currentCSSZoom || 1), color: style.color, background: getComputedStyle(document.body).backgroundColor };
  });
})();
</script>`,
    ),
  );
  // Records, from the page's first byte, what a page could notice of an extension: style elements added,
  // attributes set on its elements, messages posted to it, performance marks.
  pages.set(
    'watched.html',
    nukeviet.replace(
      /<head>/i,
      `<head><script>
window.__seen = { styles: [], attributes: [], messages: [], marks: [] };
new MutationObserver((records) => { for (const r of records) {
  if (r.type === 'attributes') window.__seen.attributes.push(r.attributeName);
  for (const n of r.addedNodes) if (n.nodeType === 1 && n.localName === 'style') window.__seen.styles.push(n.parentNode.localName + ': ' + n.textContent.slice(0, 40));
} }).observe(document, { subtree: true, childList: true, attributes: true });
addEventListener('message', (e) => window.__seen.messages.push(JSON.stringify(e.data)));
addEventListener('load', () => setTimeout(() => { window.__seen.marks = performance.getEntriesByType('mark').map((m) => m.name); window.__seen.done = true; }, 1500));
</script>`,
    ),
  );
  const headers = new Map<string, Record<string, string>>();
  for (const [name, page] of Object.entries(extra)) {
    pages.set(name, typeof page === 'string' ? page : page.body);
    if (typeof page !== 'string') headers.set(name, page.headers);
  }
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '/');
    const name = (req.url ?? '/').split('?')[0]!.slice(1) || 'vhv-portal-article.html';
    if (name === 'slow.js') {
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/javascript' }).end('window.slowLoaded = true;'), 1000);
      return;
    }
    const body = pages.get(name);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers.get(name) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: (host, page = 'vhv-portal-article.html') => `http://${host}:${port}/${page}`,
    requests,
    close: () => server.close(),
  };
}

type Messages = Record<string, MessageEntry>;

/**
 * The extension's strings in `lang`, filled the way `i18n.getMessage` fills them: tests name controls by these.
 * `lang` is the one the browser actually gave the extension (its `lang` message): Debian's Chromium without
 * its l10n package and Debian's Firefox ESR without a language pack only have English.
 */
export function extensionStrings(lang: 'vi' | 'en'): (key: string, ...subs: string[]) => string {
  const file = fileURLToPath(new URL(`../../extension/public/_locales/${lang}/messages.json`, import.meta.url));
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Messages;
  return (key, ...subs) => {
    const m = messages[key];
    if (!m) throw new Error(`no message ${key}`);
    return formatMessage(m, subs);
  };
}
