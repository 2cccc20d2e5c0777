/**
 * Document members read from the document's prototype chain, never from the document object: a page's
 * `<img name="querySelector">` or `<form name="documentElement">` shadows that member of `document` (DOM
 * clobbering), and an old library may have replaced `window.Document` itself (MooTools).
 */
function member(doc: Document, name: string): PropertyDescriptor {
  for (let p = Object.getPrototypeOf(doc); p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return d;
  }
  return {};
}

/** `doc.documentElement`. */
export const rootOf = (doc: Document): HTMLElement => Reflect.apply(member(doc, 'documentElement').get!, doc, []);

/** `doc.querySelector(selectors)`. */
export const query = (doc: Document, selectors: string): Element | null => Reflect.apply(member(doc, 'querySelector').value, doc, [selectors]);

/** `doc.createEvent(kind)`. */
export const createEvent = (doc: Document, kind: string): Event => Reflect.apply(member(doc, 'createEvent').value, doc, [kind]);
