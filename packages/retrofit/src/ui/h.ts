/** Builds elements of the engine's views (reader view, read-aloud bar): text only, never HTML. */
import { icon, type IconName } from './icons.js';

/** Creates an element of `doc` with attributes and text (never HTML): the one DOM helper of the views. */
export function h<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, ...kids: Array<Node | string>): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const k in attrs) el.setAttribute(k, attrs[k]!);
  el.append(...kids);
  return el;
}

/** A button with an icon and its label. */
export type IconButton = HTMLButtonElement & { label: HTMLSpanElement; setIcon(name: IconName): void };

/**
 * A button showing a decorative SVG icon (hidden from assistive technology, drawn in the text colour so it
 * follows themes and forced colours) and its visible label, which is its accessible name.
 */
export function iconButton(doc: Document, name: IconName, label: string, action: () => void, attrs: Record<string, string> = {}): IconButton {
  const text = h(doc, 'span', {}, label);
  const b = h(doc, 'button', { type: 'button', ...attrs }, icon(doc, name), text);
  b.addEventListener('click', action);
  return Object.assign(b, { label: text, setIcon: (next: IconName) => b.firstChild!.replaceWith(icon(doc, next)) });
}
