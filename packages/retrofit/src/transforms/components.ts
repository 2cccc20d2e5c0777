import { componentSource } from '../components-source.js';
import type { Context } from '../context.js';
import { litPolicyRefused } from '../lit-policy.js';

/**
 * Registers the components under the session's prefix and tells whether the page's document can use them.
 * It cannot when the engine runs in another window than the document (a custom element class only works in
 * the registry of its own window), or when the tag names are taken by other classes: then the site's own
 * widgets are simply left in place.
 */
export function componentsReady(ctx: Context): boolean {
  // Lit's templates are HTML: in an XML document (XHTML served as such) they do not parse.
  return ctx.doc.contentType === 'text/html' && componentsIn(ctx.win, ctx.prefix);
}

/** The same for any window and prefix (the reader view and read-aloud have no session context). */
export function componentsIn(win: Window, prefix: string): boolean {
  const registry = win.customElements;
  const source = componentSource();
  // Trusted Types refused Lit's policy on this page: Lit's templates cannot render here.
  if (!registry || !source || litPolicyRefused()) return false;
  const { components, define } = source;
  const ours = (suffix: string, ctor: CustomElementConstructor, free: boolean) => {
    const got = registry.get(`${prefix}-${suffix}`);
    return got ? got === ctor || got.prototype instanceof ctor : free;
  };
  // A page with its own `<prefix>-*` elements keeps the whole prefix: taking the names it has not defined
  // yet would make its own later definitions throw.
  if (!Object.entries(components).every(([suffix, ctor]) => ours(suffix, ctor, true))) return false;
  try {
    define(prefix);
  } catch {
    return false;
  }
  return Object.entries(components).every(([suffix, ctor]) => ours(suffix, ctor, false));
}
