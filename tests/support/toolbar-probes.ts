/**
 * Checks of the reader's on-page toolbar and reader view, run in the extension's content-script world: their
 * shadow roots are closed, so only that world can read them (Chromium: `chrome.dom.openOrClosedShadowRoot`;
 * Firefox: `element.openOrClosedShadowRoot`). Each check is a function of that root; `onToolbar` and
 * `onReaderView` make it an expression either suite evaluates there (tests/extension/harness.ts and
 * tests/firefox/harness.ts `inContentScript`).
 */

/** An expression whose value, in the content-script world, is a `T`. */
export type Probe<T> = string & { readonly __answer?: T };

/** A box on the screen: its centre and its size, in CSS px of the viewport. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * `fn(root, arg)` with the toolbar's shadow root, as an expression for the content-script world; null where the
 * page has no toolbar. `fn` must use nothing from outside itself (it is sent as its source text).
 */
export function onToolbar<R, A = undefined>(fn: (root: ShadowRoot, arg: A) => R, arg?: A): Probe<R | null> {
  return onClosedRoot('[data-ar-toolbar]', fn, arg);
}

/** The same for the reader view's shadow root; null while no view is open. */
export function onReaderView<R, A = undefined>(fn: (root: ShadowRoot, arg: A) => R, arg?: A): Probe<R | null> {
  return onClosedRoot('[data-ar-reader]', fn, arg);
}

function onClosedRoot<R, A>(selector: string, fn: (root: ShadowRoot, arg: A) => R, arg?: A): Probe<R | null> {
  return `(() => {
    const host = document.querySelector(${JSON.stringify(selector)});
    if (!host) return null;
    const dom = globalThis.chrome && globalThis.chrome.dom;
    const root = dom && dom.openOrClosedShadowRoot ? dom.openOrClosedShadowRoot(host) : host.openOrClosedShadowRoot;
    return root ? (${fn.toString()})(root, ${JSON.stringify(arg ?? null)}) : null;
  })()`;
}

/** A control by the start of its visible text (a colour's "Aa" swatch skipped): where it is on the screen. */
export const controlBox = (root: ShadowRoot, text: string): Box | null => {
  const el = [...root.querySelectorAll('button, label')].find((b) => (b.textContent ?? '').trim().replace(/^Aa/, '').startsWith(text));
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2, width: r.width, height: r.height };
};

/**
 * A control of the reader view (a button, or a label of its panels) by its visible words, whole: visually
 * hidden text and a colour's "Aa" swatch left out. Where it is on the screen, or null.
 */
export const viewControlBox = (root: ShadowRoot, words: string): Box | null => {
  const seen = (el: Element) => {
    const copy = el.cloneNode(true) as Element;
    copy.querySelectorAll('.vh').forEach((v) => v.remove());
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim().replace(/^Aa ?/, '');
  };
  const el = [...root.querySelectorAll('button, label')].find((e) => e.getClientRects().length > 0 && seen(e) === words);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2, width: r.width, height: r.height };
};

export interface ToolbarShape {
  /** The visible name (its button folds the tools). */
  name: string;
  /** How many rows its controls take. */
  rows: number;
  height: number;
  width: number;
  /** The text-size buttons' visible text: A-, A, A+. */
  size: string[];
}

/** The toolbar as the reader sees it. */
export const toolbarShape = (root: ShadowRoot): ToolbarShape => {
  const section = root.querySelector('section')!.getBoundingClientRect();
  const tops = new Set([...root.querySelectorAll('.row > button, .row .tools > *')].map((b) => Math.round(b.getBoundingClientRect().top)));
  return {
    name: root.querySelector('.name')!.textContent!,
    rows: tops.size,
    height: section.height,
    width: section.width,
    size: [...root.querySelectorAll('.size button')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim().split(' ')[0]!),
  };
};

/** Gives the keyboard focus to a control (by the start of its text), as Tab would; whether it has it. */
export const focusControl = (root: ShadowRoot, text: string): boolean => {
  const el = [...root.querySelectorAll('button')].find((b) => (b.textContent ?? '').trim().startsWith(text));
  el?.focus();
  return !!el && root.activeElement === el;
};

/** The visible text of the control that has the keyboard focus in the toolbar, if one has. */
export const focusedControl = (root: ShadowRoot): string | null => root.activeElement?.textContent?.trim() ?? null;
