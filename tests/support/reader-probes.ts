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

/** The reader's toolbar: whether its text-size control is the component, and the component's buttons. */
export const toolbar = (page: InPage) =>
  inPage(page, () => {
    const host = document.querySelector('[data-ar-toolbar]');
    if (!host?.shadowRoot) return null;
    const control = host.shadowRoot.querySelector('arx-font-size');
    return {
      sizeControl: !!control,
      buttons: [...(control?.shadowRoot?.querySelectorAll('button') ?? [])].map((b) => b.textContent!.replace(/\s+/g, ' ').trim()),
    };
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
