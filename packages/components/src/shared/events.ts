/**
 * Events the components fire, made with the browser's own constructors. Old libraries replace the globals:
 * MooTools' compatibility builds (Joomla 1.5/2.5 portals) set `window.Event` to their own wrapper, with which
 * `new Event('change')` throws. An event the document creates itself leads back to the native constructor,
 * whatever the page did to `window.Event` or `window.CustomEvent`, before or after the components loaded.
 */
import { createEvent } from './document.js';

function nativeConstructor<T>(doc: Document, kind: 'Event' | 'CustomEvent'): T {
  return Object.getPrototypeOf(createEvent(doc, kind)).constructor as T;
}

/** `new Event(type, init)` with the native constructor of `el`'s document. */
export function event(el: Element, type: string, init: EventInit): Event {
  return new (nativeConstructor<typeof Event>(el.ownerDocument, 'Event'))(type, init);
}

/** `new CustomEvent(type, init)` with the native constructor of `el`'s document. */
export function customEvent<T>(el: Element, type: string, init: CustomEventInit<T>): CustomEvent<T> {
  return new (nativeConstructor<typeof CustomEvent>(el.ownerDocument, 'CustomEvent'))(type, init);
}
