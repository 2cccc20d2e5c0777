/**
 * Hostile pages in an iframe of the Vitest page: the page's own scripts run first (they may break built-ins),
 * then the engine is loaded into the page's own window, as a site's <script> would run it. Every uncaught
 * error and every `console.error` in that window after load is recorded.
 */
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
 * (Relative URLs in such a page do not resolve; the engine is imported by its absolute URL.)
 */
export async function openHostile(html: string, { width = 1280, height = 900, engine: withEngine = true, blob = false } = {}): Promise<HostilePage> {
  for (const old of document.querySelectorAll('iframe[data-hostile]')) old.remove();
  const iframe = document.createElement('iframe');
  iframe.setAttribute('data-hostile', '');
  iframe.style.cssText = `position:absolute;left:0;top:0;width:${width}px;height:${height}px;border:0`;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  if (blob) iframe.src = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
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
