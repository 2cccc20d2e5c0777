/**
 * What the reader did to a page, read from inside the page: the same checks whichever browser and driver
 * opened it (Playwright's Chromium pages, Puppeteer's Firefox pages). Each takes the page and returns plain data.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Any driver's page: Playwright's and Puppeteer's both evaluate `(fn, arg)` in the page. */
export interface InPage {
  evaluate: unknown;
}

/** Runs `fn(arg)` in the page. */
export function inPage<R, A = undefined>(page: InPage, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
  return (page.evaluate as (f: typeof fn, a: A | undefined) => Promise<R>).call(page, fn, arg);
}

/** The paragraph the tests measure on the NukeViet sample. */
export const NUKEVIET = { file: 'nukeviet45-default-news-detail.html', paragraph: '#news-bodyhtml p' } as const;
/** The VHV sample, whose own grey dates and lead (#777 on white, 4.5:1) are what the themes must fix. */
export const VHV = { file: 'vhv-portal-article.html', article: '[itemtype="http://schema.org/NewsArticle"]' } as const;

/** Settings the tests store: twice the size, yellow on black (the extension's settings model, all fields). */
export const BIG = { fontScale: 2, contrast: 'yellow', spacing: 'off', font: 'page', hideClutter: false, toolbar: true, minFontSize: 20, minContrast: 4.5 };
/** Government pages are readable untouched: their body text is raised to at least this size at 100 %. */
export const MIN_PX = 20;

/** The size text is drawn at: its computed size times the zoom the engine puts on text blocks. */
export const fontSize = (page: InPage, selector: string = NUKEVIET.paragraph) =>
  inPage(
    page,
    (s) => {
      const el = document.querySelector(s)! as Element & { currentCSSZoom?: number };
      return Math.round(parseFloat(getComputedStyle(el).fontSize) * (el.currentCSSZoom ?? 1) * 100) / 100;
    },
    selector,
  );

/** Whether `px` is `scale` times `readable` (boosts are rounded up to 5 %, so a little above is right). */
export const atScale = (px: number, scale: number, readable: number) => px >= scale * readable - 0.05 && px <= scale * readable * 1.05 + 0.05;

/** The contrast theme on the page (`data-ar-theme`), null when none. */
export const theme = (page: InPage) => inPage(page, () => document.documentElement.getAttribute('data-ar-theme'));

/**
 * What the page itself can do with the reader's toolbar: find its host, and nothing more. A script of the page
 * gets no shadow root, and its click on the host changes nothing (the toolbar acts on the reader's own input).
 */
export const toolbarFromThePage = (page: InPage) =>
  inPage(page, () => {
    const host = document.querySelector('[data-ar-toolbar]');
    host?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    return { host: !!host, root: !!host?.shadowRoot };
  });

/** The sample pages and pages of other platforms the toolbar and the "article first" checks open. */
export const TOOLBAR_PAGES = [
  'vhv-portal-article.html',
  'nukeviet45-default-news-detail.html',
  'sharepoint2013-mic-news-detail.html',
  'retrofit/unknown-article.html',
  'retrofit/unknown-divsoup.html',
  'corpus/wordpress-theme.html',
  'corpus/province-tables.html',
];

/** The title and the first words of a page's article, from the extraction corpus's hand-checked answers. */
export function articleStart(file: string): { title: string; first: string } {
  const name = file.replace(/^(retrofit|corpus)\//, '').replace('-portal-article', '').replace('45-default-news-detail', '').replace('2013-mic-news-detail', '').replace('.html', '');
  const e = JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/corpus/${name}.expected.json`, import.meta.url)), 'utf8')) as { title: string; lead: string; text: string };
  return { title: e.title, first: (e.lead || e.text).slice(0, 30) };
}

/** Where the article's title, the start of its text and the toolbar are on the screen (CSS px), found by their words. */
export const articleTop = (page: InPage, file: string) =>
  inPage(
    page,
    ({ title, first }) => {
      const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
      // The innermost shown element whose text starts with `text`.
      const find = (text: string) => [...document.querySelectorAll('body *')].filter((el) => el.getClientRects().length && norm(el.textContent ?? '').startsWith(text)).at(-1)!;
      const toolbar = document.querySelector('[data-ar-toolbar]')!;
      return { title: find(title).getBoundingClientRect().top, paragraph: find(first).getBoundingClientRect().top, toolbar: toolbar.getBoundingClientRect().top };
    },
    articleStart(file),
  );

/**
 * The zoom the reader put on the site's own header and menu (`[data-ar-chrome]`, each measured on a text in
 * it) and on the article's title: with side content hidden, the article grows and the site's chrome does not.
 */
export const chromeAndArticleZoom = (page: InPage) =>
  inPage(page, () => {
    const z = (el: Element | null | undefined) => (el as (Element & { currentCSSZoom: number }) | null)?.currentCSSZoom ?? 0;
    const text = (root: Element) => [...root.querySelectorAll('a, li, p, span')].find((e) => e.getClientRects().length && (e.textContent ?? '').trim());
    return { chrome: [...document.querySelectorAll('[data-ar-chrome]')].map((c) => z(text(c) ?? c)), article: z(document.querySelector('h1')) };
  });

/** tests/support/contrast.ts as a script for the page: defines `window.__arContrast`. */
let contrastScript: string | undefined;
function contrastModule(): string {
  if (contrastScript) return contrastScript;
  const source = readFileSync(fileURLToPath(new URL('./contrast.ts', import.meta.url)), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  return (contrastScript = `window.__arContrast = (() => { const exports = {}; ${js}; return exports; })();`);
}

/**
 * The lowest WCAG contrast among the visible texts under `root` (its own text runs, links included, skipping
 * the reader's own nodes), with the worst few named: what a theme must keep at 7:1 or more.
 */
export async function lowestContrast(page: InPage, root: string): Promise<{ count: number; lowest: number; worst: string[] }> {
  await inPage(page, (code) => (window as unknown as { __arContrast?: unknown }).__arContrast ?? (0, eval)(code), contrastModule());
  return inPage(
    page,
    (selector) => {
      const c = (window as unknown as { __arContrast: typeof import('./contrast') }).__arContrast;
      const base = document.querySelector(selector);
      if (!base) throw new Error(`no ${selector}`);
      const texts = [base, ...base.querySelectorAll('*')].filter((el) => {
        if (el.closest('[data-ar-own]') || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(el.tagName)) return false;
        const own = [...el.childNodes].some((n) => n.nodeType === 3 && /\S/.test(n.nodeValue ?? ''));
        return own && el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible';
      });
      const ratios = texts.map((el) => ({ el, ratio: c.contrastRatio(c.drawnTextColor(el), c.drawnBackground(el)) })).sort((a, b) => a.ratio - b.ratio);
      return {
        count: ratios.length,
        lowest: ratios[0]?.ratio ?? 0,
        worst: ratios.slice(0, 3).map(({ el, ratio }) => `${el.tagName.toLowerCase()} "${el.textContent!.trim().slice(0, 30)}" ${ratio.toFixed(2)}`),
      };
    },
    root,
  );
}
