/**
 * Hostile pages in an iframe of the Vitest page: the page's own scripts run first (they may break built-ins),
 * then the engine is loaded into the page's own window, as a site's <script> would run it. Every uncaught
 * error and every `console.error` in that window after load is recorded.
 */
import { expect } from 'vitest';
import type * as EngineModule from '@accessible-reader/retrofit';

export type Engine = typeof EngineModule;
export type Session = ReturnType<Engine['retrofit']>;
export type PageWindow = Window & typeof globalThis & { __page?: PageMarker; __xss?: unknown };

/** What every hostile page's own script keeps up to date. */
export interface PageMarker {
  ready: boolean;
  clicks: number;
  ticks: number;
  [key: string]: unknown;
}

export interface HostilePage {
  iframe: HTMLIFrameElement;
  win: PageWindow;
  doc: Document;
  engine: Engine;
  /** Uncaught errors and unhandled rejections in the page window since load. */
  errors: string[];
  /** `console.error` calls in the page window since load (the engine reports its own failures there). */
  consoleErrors: string[];
}

const ENGINE_URL = '/packages/retrofit/src/index.ts';

/** Everything on, as a reader who wants it all would set it. */
export const EVERYTHING = { fontScale: 2, contrast: 'high', spacing: 'wcag', font: 'legible', hideClutter: true, toolbar: true } as const;

/**
 * `blob: true` loads the page from a blob: URL instead of `srcdoc`: srcdoc documents are never in quirks mode.
 * A string gives that blob's content type (`application/xhtml+xml` for an XHTML document).
 * (Relative URLs in such a page do not resolve; the engine is imported by its absolute URL.)
 */
export async function openHostile(
  html: string,
  { width = 1280, height = 900, engine: withEngine = true, blob = false as boolean | string } = {},
): Promise<HostilePage> {
  for (const old of document.querySelectorAll('iframe[data-hostile]')) old.remove();
  const iframe = document.createElement('iframe');
  iframe.setAttribute('data-hostile', '');
  iframe.style.cssText = `position:absolute;left:0;top:0;width:${width}px;height:${height}px;border:0`;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  if (blob) iframe.src = URL.createObjectURL(new Blob([html], { type: typeof blob === 'string' ? blob : 'text/html' }));
  else iframe.srcdoc = html;
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as PageWindow;
  const errors: string[] = [];
  const consoleErrors: string[] = [];
  win.addEventListener('error', (e) => errors.push(`${e.message} ${(e.error as Error | undefined)?.stack ?? ''}`));
  win.addEventListener('unhandledrejection', (e) => errors.push(`unhandled rejection: ${String((e.reason as Error | undefined)?.stack ?? e.reason)}`));
  const original = win.console.error;
  win.console.error = (...args: unknown[]) => {
    consoleErrors.push(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '));
    original.apply(win.console, args);
  };
  const engine = withEngine ? await (win as unknown as { eval(code: string): Promise<Engine> }).eval(`import(${JSON.stringify(new URL(ENGINE_URL, location.href).href)})`) : (undefined as unknown as Engine);
  await frame(win);
  return { iframe, win, doc: iframe.contentDocument!, engine, errors, consoleErrors };
}

/** Two frames of `win`: style, layout and paint have happened. */
export function frame(win: Window): Promise<void> {
  return new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(() => resolve())));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Text with whitespace collapsed. */
export const text = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The engine's nodes in `doc`, and everything inside them, shadow roots included. */
export function ownNodes(doc: Document): Element[] {
  const out: Element[] = [];
  const visit = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  for (const own of doc.querySelectorAll('[data-ar-own]')) {
    out.push(own);
    if (own.shadowRoot) visit(own.shadowRoot);
    visit(own);
  }
  return out;
}

/** Whether the document still carries anything of the engine: its nodes or its attributes. */
export function traces(doc: Document): string[] {
  const found: string[] = [];
  for (const el of doc.querySelectorAll('*')) {
    for (const name of el.getAttributeNames()) if (name.startsWith('data-ar-')) found.push(`<${el.localName} ${name}>`);
  }
  return found.slice(0, 10);
}

/**
 * Counts the callbacks of every MutationObserver created in `win` from now on (the engine's and the
 * components'), and the time spent in them.
 */
export function countObservers(win: PageWindow): { callbacks: number; records: number; ms: number } {
  const counts = { callbacks: 0, records: 0, ms: 0 };
  const Native = win.MutationObserver;
  win.MutationObserver = class extends Native {
    constructor(callback: MutationCallback) {
      super((records, observer) => {
        counts.callbacks++;
        counts.records += records.length;
        const t0 = performance.now();
        try {
          callback(records, observer);
        } finally {
          counts.ms += performance.now() - t0;
        }
      });
    }
  };
  return counts;
}

/** The page's own timer ticks and its click handler runs. */
export async function pageScriptsWork(win: PageWindow, doc: Document, selector = '#site-button'): Promise<void> {
  const marker = win.__page!;
  expect(marker.ready).toBe(true);
  const ticks = marker.ticks;
  const clicks = marker.clicks;
  await sleep(160);
  expect(marker.ticks).toBeGreaterThan(ticks);
  (doc.querySelector(selector) as HTMLElement).click();
  expect(marker.clicks).toBe(clicks + 1);
}

export interface Expect {
  title: string;
  body: string;
  /** Checks made while the engine is on (after the first frame). */
  during?: (session: Session, p: HostilePage) => Promise<void> | void;
}

/**
 * The common run: everything on, two rounds of updates, undo. Returns nothing: every check is an expect.
 */
export async function exercise(p: HostilePage, e: Expect): Promise<void> {
  const { win, doc, engine } = p;
  await pageScriptsWork(win, doc);
  const before = doc.documentElement.outerHTML;
  const session = engine.retrofit(doc, EVERYTHING);
  expect(session.active).toBe(true);
  expect(session.article?.title).toBe(e.title);
  expect(text(session.article!.body)).toContain(e.body);
  await frame(win);
  expect(doc.documentElement.outerHTML).not.toBe(before);
  await pageScriptsWork(win, doc);
  await e.during?.(session, p);
  session.update({ fontScale: 3, contrast: 'dark' });
  await frame(win);
  session.update({ fontScale: 1.5, contrast: 'yellow', spacing: 'off', hideClutter: false, font: 'page', toolbar: false });
  await frame(win);
  expect(session.active).toBe(true);
  session.undo();
  expect(session.active).toBe(false);
  expect(doc.documentElement.outerHTML).toBe(before);
  await pageScriptsWork(win, doc);
  expect(p.errors).toEqual([]);
  expect(p.consoleErrors).toEqual([]);
}
