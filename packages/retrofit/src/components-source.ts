/**
 * Where the engine finds the components it puts on pages. The entry that bundles them (the package entry, the
 * one-file bundle, the extension's content script) provides them once; code loaded later beside it (the reader
 * script) finds the same classes through a global key that page markup cannot clobber, so there is one
 * registry and one class per tag.
 */
import type { components as Components, define as Define } from '@accessible-reader/components';

export interface ComponentSource {
  components: typeof Components;
  define: typeof Define;
}

const KEY = Symbol.for('accessible-reader.components');
const slot = globalThis as typeof globalThis & { [KEY]?: ComponentSource };

/** Makes `source` the components of every engine in this global scope (the first one provided stays). */
export function provideComponents(source: ComponentSource): void {
  slot[KEY] ??= source;
}

/** The components provided, or undefined when this build has none. */
export function componentSource(): ComponentSource | undefined {
  return slot[KEY];
}
