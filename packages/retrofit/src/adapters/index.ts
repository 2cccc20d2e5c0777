import type { Adapter, Found } from '../types.js';
import { generic } from './generic.js';
import { nukeviet } from './nukeviet.js';
import { sharepoint } from './sharepoint.js';
import { vhv } from './vhv.js';
import { report } from '../report.js';

/** Platform adapters, tried in order; the generic one is always tried last. */
export const ADAPTERS: readonly Adapter[] = [vhv, nukeviet, sharepoint];

export { generic, vhv, nukeviet, sharepoint };

/** Whether what an adapter found is usable: a connected root holding a body, and a title. */
function usable(found: Found | null, doc: Document): found is Found {
  const a = found?.article;
  return !!a && !!a.title && a.root.isConnected && a.root.ownerDocument === doc && a.root.contains(a.body);
}

/**
 * The article and widgets of `doc`: the first platform adapter that recognises the page, else the generic
 * one. A platform adapter that throws or finds nothing hands over to the generic one (with a warning); when
 * the generic one fails too, there is no article.
 */
export function findArticle(doc: Document, adapters: readonly Adapter[] = ADAPTERS): Found | null {
  for (const adapter of [...adapters.filter((a) => a !== generic), generic]) {
    try {
      if (!adapter.detect(doc)) continue;
      const found = adapter.find(doc);
      if (usable(found, doc)) return found;
    } catch (error) {
      report('warn', `Accessible Reader: the ${adapter.name} adapter failed on this page; trying the next one.`, error);
    }
  }
  return null;
}
