/**
 * A Vite plugin for the extension's bundles: Mozilla Readability (0.6.0) without its two `innerHTML`
 * assignments, so that the extension parses no markup at run time and `web-ext lint` has nothing to warn about.
 * Both are replaced by copies of nodes, which is what they amount to where they run:
 * - the page kept for a second attempt is a clone of its nodes instead of their serialization (the same
 *   nodes come back, without a round trip through the parser);
 * - a `<noscript>` holding one `<img>` *element* (only then is the line reached: in a document parsed with
 *   scripting on, a noscript holds text, which `_isSingleImage` refuses) has its children cloned instead of
 *   re-parsed from their serialization.
 * A Readability whose code differs stops the build, so a new version is looked at before it ships.
 */
import type { Plugin } from 'vite';

const REPLACEMENTS: [from: string, to: string][] = [
  ['var pageCacheHtml = page.innerHTML;', 'var pageCache = page.cloneNode(true);'],
  ['page.innerHTML = pageCacheHtml;', 'page.replaceChildren(...pageCache.cloneNode(true).childNodes);'],
  ['tmp.innerHTML = noscript.innerHTML;', 'for (var child of noscript.childNodes) tmp.appendChild(child.cloneNode(true));'],
];

export function readabilityWithoutMarkup(): Plugin {
  return {
    name: 'accessible-reader:readability-without-markup',
    transform(code, id) {
      if (!/\/node_modules\/@mozilla\/readability\/Readability\.js$/.test(id.split('?')[0]!.replaceAll('\\', '/'))) return null;
      let out = code;
      for (const [from, to] of REPLACEMENTS) {
        if (out.split(from).length !== 2) throw new Error(`Accessible Reader: "${from}" is not in Readability.js once (a new version?): update readability-without-markup.ts.`);
        out = out.replace(from, to);
      }
      if (/\.innerHTML\s*=[^=]|\.outerHTML\s*=[^=]/.test(out)) throw new Error('Accessible Reader: Readability.js still assigns innerHTML or outerHTML.');
      return { code: out, map: null };
    },
  };
}
