/**
 * The stories' frames on a docs page. Each story runs in a frame of its own there (so that font size and
 * contrast act on that frame's document only); these frames show the story as its args make it, without its
 * play function, and grow with their content instead of cutting it off.
 */

/**
 * On a docs page (the document that holds the frames), makes the frames it creates load their story with
 * `embed=true`: Storybook's own switch that renders a story without running its play function. A dozen frames
 * playing at once share localStorage, focus and the speech engine, and their checks fail one another in the
 * console; `npm test` and the Interactions panel run each play function alone.
 */
export function storiesWithoutPlayOnDocsPages(): void {
  if (new URLSearchParams(location.search).get('viewMode') !== 'docs') return;
  // addon-docs builds each frame's URL from PREVIEW_URL (default `iframe.html`), adding the story's id.
  const docs = globalThis as typeof globalThis & { PREVIEW_URL?: string };
  const base = docs.PREVIEW_URL ?? 'iframe.html';
  docs.PREVIEW_URL = `${base}${base.includes('?') ? '&' : '?'}embed=true`;
}

/** Whether this document is a story frame inside a Storybook docs page (not the manager, not Vitest). */
function inDocsPage(): HTMLIFrameElement | null {
  try {
    const frame = window.frameElement;
    const parentPage = window.parent.location;
    return frame instanceof window.parent.HTMLIFrameElement && parentPage.pathname.endsWith('/iframe.html') && new URLSearchParams(parentPage.search).get('viewMode') === 'docs' ? frame : null;
  } catch {
    return null; // another origin: not Storybook's docs page
  }
}

/**
 * In a story's frame on a docs page, keeps the frame (and the box Storybook sizes around it) as tall as the
 * story's content: text at 200% or 300% is shown whole, not cut off at the height the docs page gave.
 */
export function followContentHeight(): void {
  const frame = inDocsPage();
  const box = frame?.parentElement;
  if (!frame || !box) return;
  const initial = box.getBoundingClientRect().height;
  const fit = () => {
    const needed = Math.ceil(document.documentElement.scrollHeight);
    if (needed > box.getBoundingClientRect().height) box.style.height = `${Math.max(initial, needed)}px`;
  };
  new ResizeObserver(fit).observe(document.documentElement);
  // Text that grows inside a box of fixed height does not resize <html>: check after every change too.
  new MutationObserver(fit).observe(document.documentElement, { attributes: true, childList: true, subtree: true, characterData: true });
}
