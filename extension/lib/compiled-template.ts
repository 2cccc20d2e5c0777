/**
 * The run-time half of the extension's compiled Lit templates (the build half is extension/build/): turns a
 * template compiled at build time into what lit-html expects of a compiled template result's type, `{ h, parts,
 * el }`. The template's nodes are made with createElement and setAttribute from the bundle's own data, so the
 * extension parses no markup at run time (and lit-html's parser is left out of its bundles).
 */
import { _$LH } from 'lit-html/private-ssr-support.js';
import type { NodeSpec, TemplateSpec } from '../build/template-compiler';

const PART_CLASS = { '': _$LH.AttributePart, '.': _$LH.PropertyPart, '?': _$LH.BooleanAttributePart, '@': _$LH.EventPart } as const;

/** What lit-html renders for `{ ['_$litType$']: compiledTemplate(...), values }`. */
export interface CompiledTemplate {
  /** The template's strings. Lit parses them only when `el` is missing, which it never is here. */
  h: TemplateStringsArray;
  parts: unknown[];
  readonly el: HTMLTemplateElement;
}

/** Made once per template (module level): Lit recognises an unchanged template by this object's identity. */
export function compiledTemplate(spec: TemplateSpec, strings: readonly string[]): CompiledTemplate {
  let el: HTMLTemplateElement | undefined;
  return {
    h: Object.assign([...strings], { raw: [...strings] }) as unknown as TemplateStringsArray,
    parts: spec.parts.map((p) => (p.type === 1 ? { type: 1, index: p.index, name: p.name, strings: p.strings, ctor: PART_CLASS[p.kind] } : p)),
    // Built on first render, in the document of the world that renders it (a content script's or a page's).
    get el() {
      return (el ??= build(spec.nodes));
    },
  };
}

function build(nodes: readonly NodeSpec[]): HTMLTemplateElement {
  const template = document.createElement('template');
  // The template's content lives in an inert document: nothing made here loads or runs.
  const doc = template.content.ownerDocument;
  const make = (node: NodeSpec): Node => {
    if (typeof node === 'string') return doc.createTextNode(node);
    if (!Array.isArray(node)) return doc.createComment(node.c);
    const [name, attributes, children, namespace] = node;
    const el = namespace ? doc.createElementNS(namespace, name) : doc.createElement(name);
    for (const [key, value] of attributes) el.setAttribute(key, value);
    for (const child of children) el.appendChild(make(child));
    return el;
  };
  for (const node of nodes) template.content.appendChild(make(node));
  return template;
}
