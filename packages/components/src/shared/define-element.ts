/**
 * Registers `tag` for `ctor`, tolerating repeated registration (two bundles on one page, a script loaded
 * twice). A class can be registered only once per registry, so under another name a fresh subclass is used.
 * Returns false when the tag was already taken by something else or no registry exists.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): boolean {
  const registry = globalThis.customElements;
  if (!registry) return false;
  const existing = registry.get(tag);
  if (existing) return existing === ctor || existing.prototype instanceof ctor;
  try {
    registry.define(tag, isRegistered(registry, ctor) ? class extends (ctor as typeof HTMLElement) {} : ctor);
    return true;
  } catch (error) {
    console.warn(`Accessible Reader: could not define <${tag}>.`, error);
    return false;
  }
}

function isRegistered(registry: CustomElementRegistry, ctor: CustomElementConstructor): boolean {
  // getName is recent; without it, assume used so that a subclass is always safe.
  const getName = (registry as CustomElementRegistry & { getName?: (c: CustomElementConstructor) => string | null }).getName;
  return typeof getName === 'function' ? getName.call(registry, ctor) !== null : true;
}
