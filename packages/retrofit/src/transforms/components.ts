import { components, define } from '@accessible-reader/components';
import type { Context } from '../context.js';

/**
 * Registers the components under the session's prefix and tells whether the page's document can use them.
 * It cannot when the engine runs in another window than the document (a custom element class only works in
 * the registry of its own window), or when the tag names are taken by other classes: then the site's own
 * widgets are simply left in place.
 */
export function componentsReady(ctx: Context): boolean {
  try {
    define(ctx.prefix);
  } catch {
    return false;
  }
  const registry = ctx.win.customElements;
  if (!registry) return false;
  return Object.entries(components).every(([suffix, ctor]) => {
    const got = registry.get(`${ctx.prefix}-${suffix}`);
    return !!got && (got === ctor || got.prototype instanceof ctor);
  });
}
