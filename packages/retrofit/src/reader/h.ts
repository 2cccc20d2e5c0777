/** Creates an element of `doc` with attributes and text (never HTML): the one DOM helper of the views. */
export function h<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, ...kids: Array<Node | string>): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const k in attrs) el.setAttribute(k, attrs[k]!);
  el.append(...kids);
  return el;
}

/** A button showing a decorative icon (hidden from assistive technology) and its label. */
export function iconButton(doc: Document, icon: string, label: string, action: () => void, attrs: Record<string, string> = {}): HTMLButtonElement & { label: HTMLSpanElement } {
  const text = h(doc, 'span', {}, label);
  const b = h(doc, 'button', { type: 'button', ...attrs }, h(doc, 'span', { 'aria-hidden': 'true' }, icon), text);
  b.addEventListener('click', action);
  return Object.assign(b, { label: text });
}
