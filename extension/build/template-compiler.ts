/**
 * Compiles one Lit `html` template, at build time, into what Lit prepares from it at run time: the template's
 * nodes (as data) and its parts. With both given, Lit renders without parsing any markup in the browser
 * (Lit's "compiled template" results, the format @lit-labs/compiler emits).
 *
 * The markup is the string Lit itself would parse (lit-html's own `getTemplateHtml`), parsed here by parse5,
 * which follows the HTML standard's parser; the parts are found the way lit-html's `Template` constructor
 * finds them. tests/firefox/compiled-templates.node.test.ts checks every template of the extension against
 * Lit's own preparation in a browser.
 */
import { parseFragment, type DefaultTreeAdapterTypes as P } from 'parse5';
// lit-html's own exports for server rendering and compiled templates (its Node build here: no DOM needed).
import { _$LH } from 'lit-html/private-ssr-support.js';

const XHTML = 'http://www.w3.org/1999/xhtml';
const RAW_TEXT = /^(?:script|style|textarea|title)$/i;

/** A node of the template's content: text, a comment `{ c }`, or an element `[name, attributes, children, namespace?]`. */
export type NodeSpec = string | { c: string } | [name: string, attributes: [name: string, value: string][], children: NodeSpec[], namespace?: string];

/** A part as lit-html's compiled templates describe it; `kind` picks the class ('' attribute, '.', '?', '@'). */
export type PartSpec = { type: 1; index: number; name: string; strings: string[]; kind: '' | '.' | '?' | '@' } | { type: 2; index: number } | { type: 6; index: number };

export interface TemplateSpec {
  nodes: NodeSpec[];
  parts: PartSpec[];
}

/**
 * Compiles the static strings of an `html` template (cooked, as the tag function receives them).
 * Throws for what Lit's compiled templates cannot express the same way: bindings inside raw-text elements
 * (`<style>`, `<textarea>`, `<title>`, `<script>`) or inside comments.
 */
export function compileTemplate(strings: readonly string[]): TemplateSpec {
  const tsa = Object.assign([...strings], { raw: [...strings] });
  const [html, attrNames] = _$LH.getTemplateHtml(tsa as unknown as TemplateStringsArray, 1) as [unknown, (string | undefined)[]];
  const marker: string = _$LH.marker;
  const fragment = parseFragment(String(html));
  const partCount = strings.length - 1;
  const parts: PartSpec[] = [];
  let nodeIndex = 0;
  let attrNameIndex = 0;
  const where = () => `in the template \`${strings.join('${…}')}\``;

  // Lit walks the content with a TreeWalker over elements and comments, in document order, counting each.
  const walk = (list: P.ChildNode[]): NodeSpec[] =>
    list.map((node): NodeSpec => {
      if (node.nodeName === '#text') {
        if ((node as P.TextNode).value.includes(marker)) throw new Error(`Accessible Reader: a binding inside raw text ${where()}.`);
        return (node as P.TextNode).value;
      }
      if (node.nodeName === '#comment') {
        const data = (node as P.CommentNode).data;
        const index = nodeIndex++;
        if (data === `?${marker}`) {
          if (parts.length < partCount) parts.push({ type: 2, index });
          return { c: '?' };
        }
        if (data.includes(marker)) throw new Error(`Accessible Reader: a binding inside a comment ${where()}.`);
        return { c: data };
      }
      const el = node as P.Element;
      const index = nodeIndex++;
      const attributes: [string, string][] = [];
      for (const attr of el.attrs) {
        // The run-time builder sets attributes without a namespace (`xlink:href` and the like are not needed).
        if (attr.namespace) throw new Error(`Accessible Reader: the namespaced attribute ${attr.prefix}:${attr.name} ${where()}.`);
        const name = attr.name;
        if (name.endsWith(_$LH.boundAttributeSuffix)) {
          const real = attrNames[attrNameIndex++]!;
          const m = /([.?@])?(.*)/.exec(real)!;
          parts.push({ type: 1, index, name: m[2]!, strings: attr.value.split(marker), kind: (m[1] ?? '') as '' | '.' | '?' | '@' });
        } else if (name.startsWith(marker)) {
          parts.push({ type: 6, index });
        } else {
          attributes.push([name, attr.value]);
        }
      }
      if (RAW_TEXT.test(el.tagName) && el.childNodes.some((c) => c.nodeName === '#text' && (c as P.TextNode).value.includes(marker))) {
        throw new Error(`Accessible Reader: a binding inside <${el.tagName}> ${where()}.`);
      }
      // Lit's walker does not enter a nested template's content; none of the components has one.
      if (el.nodeName === 'template') throw new Error(`Accessible Reader: a nested <template> ${where()}.`);
      const children = walk(el.childNodes);
      return el.namespaceURI === XHTML ? [el.tagName, attributes, children] : [el.tagName, attributes, children, el.namespaceURI];
    });

  const nodes = walk(fragment.childNodes);
  if (parts.length !== partCount) throw new Error(`Accessible Reader: found ${parts.length} of ${partCount} bindings ${where()}.`);
  return { nodes, parts };
}
