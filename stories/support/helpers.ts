import { configure, spyOn, within } from 'storybook/test';

// A failed query inside a shadow root would try to print the shadow tree, and Testing Library's printer throws
// "Expected an element or document but got ShadowRoot" instead of saying what was not found. The message alone
// is enough.
configure({ getElementError: (message) => Object.assign(new Error(message ?? 'Element not found'), { name: 'TestingLibraryElementError' }) });

/** The part of a story these helpers touch; any story object (whatever its args) has it. */
interface StoryLike {
  name?: string;
  globals?: Record<string, unknown>;
}

/** The same story with the page in English: the components follow the nearest `lang`. */
export function english<T extends StoryLike>(story: T): T {
  // The name comes from the export (`DefaultEnglish`), as the sidebar index reads it.
  const copy: T = { ...story, globals: { ...story.globals, lang: 'en' } };
  delete copy.name;
  return copy;
}

/**
 * Whether the toolbar's contrast switch themes the story root. Colour checks in play functions only hold on
 * the story's own colours, so they are skipped when a reviewer looks at the story through another theme.
 */
export const ownColours = (globals: Record<string, unknown>): boolean => !globals.contrast || globals.contrast === 'off';

/** Testing Library queries inside a component's shadow root, where its controls live. */
export function inShadow(host: Element | null) {
  if (!host?.shadowRoot) throw new Error(`${host?.localName ?? 'element'} has no open shadow root`);
  return within(host.shadowRoot as unknown as HTMLElement);
}

/** The first element matching `selector` in the story, typed; fails the play function if it is missing. */
export function get<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T & Element>(selector);
  if (!el) throw new Error(`No ${selector} in the story`);
  return el;
}

/** Waits for a Lit element's pending render, and a frame for live-region text set in requestAnimationFrame. */
export async function settle(el: Element): Promise<void> {
  const lit = el as Element & { updateComplete?: Promise<unknown> };
  await lit.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  await lit.updateComplete;
}

/**
 * For a story that makes the code warn on purpose (a refused save, a failing voice, an unsafe link): the story's
 * `beforeEach`. While it runs, `console.warn` is a spy, so `play` checks the warning
 * (`expect(console.warn).toHaveBeenCalledWith(…)`) and the test output does not print it.
 */
export function expectWarnings(): () => void {
  const spy = spyOn(console, 'warn').mockImplementation(() => undefined);
  return () => spy.mockRestore();
}
