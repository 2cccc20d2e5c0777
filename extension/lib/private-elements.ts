/**
 * Custom elements that only the extension can make: a registry private to the content script's world, for
 * Chrome (whose content scripts have no `customElements`) and Firefox (whose content scripts see the page's).
 *
 * Why not a real registry: Chrome's isolated world has none, and `new CustomElementRegistry()` there makes
 * elements it never upgrades (a class of the isolated world cannot construct an element of the page's realm:
 * w3c/webextensions#1024). Firefox's content script gets the page's own registry through its Xray: a tag
 * defined there is the page's, and any markup or script of the page would construct the extension's class,
 * with the extension's privileges. A polyfill (`@webcomponents/custom-elements`) watches the whole document and
 * upgrades every matching tag, page markup included: `<arx-related-articles src>` written by a page would make
 * the extension fetch that URL.
 *
 * What this does instead, in the content script's world only (the page never sees any of it):
 * - `customElements` is a private registry; `define()` never touches the page's registry.
 * - Only `document.createElement(tag)` called by the extension's own code makes an upgraded element. Markup,
 *   the page's `createElement`, `cloneNode`, `importNode`: never upgraded. A tag the page defined itself is
 *   refused (the engine then uses plain buttons).
 * - Lifecycle callbacks: `connectedCallback` / `disconnectedCallback` right after the extension's own DOM calls
 *   (and, a microtask later, after anyone else's); `attributeChangedCallback` only for attributes the
 *   extension sets: an attribute the page writes on an element of ours changes nothing in it.
 * - `HTMLElement` is a constructor that hands the class the element being upgraded (the trick every
 *   custom-elements polyfill uses), so it must be installed before Lit is evaluated.
 *
 * Elements made this way are not custom elements to the browser: `attachInternals()` refuses them and
 * `:defined` does not match them; no component here depends on either.
 */

/** What a component class may implement; called with the element as `this`. */
interface Reactions {
  connectedCallback?(): void;
  disconnectedCallback?(): void;
  attributeChangedCallback?(name: string, oldValue: string | null, newValue: string | null): void;
}

interface Definition {
  name: string;
  ctor: CustomElementConstructor;
  observed: ReadonlySet<string>;
}

/** The part of `CustomElementRegistry` the components and the engine use. */
export interface PrivateRegistry {
  define(name: string, ctor: CustomElementConstructor, options?: ElementDefinitionOptions): void;
  get(name: string): CustomElementConstructor | undefined;
  getName(ctor: CustomElementConstructor): string | null;
  whenDefined(name: string): Promise<CustomElementConstructor>;
  /** Does nothing: an element that the extension did not create is never upgraded. */
  upgrade(root: Node): void;
}

/** The world a content script runs in: its global, and the page's window and document as it sees them. */
export interface World {
  /** The script's own global (`globalThis`). In Firefox it is a sandbox, not the window. */
  global: typeof globalThis;
  /** The window as the script sees it (in Firefox an Xray: what is set on it stays invisible to the page). */
  win: Window & typeof globalThis;
}

const RESERVED = new Set(['annotation-xml', 'color-profile', 'font-face', 'font-face-src', 'font-face-uri', 'font-face-format', 'font-face-name', 'missing-glyph']);
/** A valid custom element name, in the ASCII subset the extension uses. */
const VALID_NAME = /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/;

/** Marks a window whose world has the registry already (a symbol of the registry, shared by every evaluation). */
const INSTALLED = Symbol.for('accessible-reader.private-elements');

const notSupported = (message: string) => new DOMException(`Accessible Reader: ${message}`, 'NotSupportedError');

/**
 * Installs the private registry in `world` (once) and returns it. Must run before any component class is
 * evaluated: the classes extend the `HTMLElement` found at that moment.
 */
export function installPrivateElements(world: World = { global: globalThis, win: window as Window & typeof globalThis }): PrivateRegistry {
  const { global, win } = world;
  // The content script can be evaluated twice in a page (registered, then injected from the popup).
  const installed = (win as unknown as Record<symbol, PrivateRegistry | undefined>)[INSTALLED];
  if (installed) return installed;

  const doc = win.document;
  const NativeHTMLElement = global.HTMLElement;
  const nativeCreateElement = global.Document.prototype.createElement;
  const definitions = new Map<string, Definition>();
  const byClass = new Map<CustomElementConstructor, Definition>();
  const waiting = new Map<string, { promise: Promise<CustomElementConstructor>; resolve: (c: CustomElementConstructor) => void }>();
  /** Upgraded elements, and their definition. */
  const upgraded = new WeakMap<Element, Definition>();
  /** Upgraded elements whose connection is followed, and whether each was connected when last looked at. */
  const followed = new Map<Element, boolean>();
  /** The element being upgraded, handed to the class constructor by `HTMLElement()` (its `super()`). */
  let constructing: Element | null = null;

  const report = (error: unknown) => console.error('Accessible Reader: a component failed.', error);
  const react = (el: Element, reaction: keyof Reactions, ...args: [string, string | null, string | null] | []) => {
    const fn = (el as Reactions)[reaction] as ((...a: unknown[]) => void) | undefined;
    if (typeof fn !== 'function') return;
    try {
      fn.apply(el, args);
    } catch (error) {
      // As for native custom elements: the error is reported, the DOM call that caused it goes on.
      report(error);
    }
  };

  /** Elements that left the document since the last prune. */
  const left = new Set<Element>();
  /** Calls connected/disconnected callbacks for every followed element whose state changed. */
  const reconcile = () => {
    for (const [el, was] of followed) {
      const now = el.isConnected;
      if (now === was) continue;
      followed.set(el, now);
      react(el, now ? 'connectedCallback' : 'disconnectedCallback');
      if (now) continue;
      if (!left.size) setTimeout(prune);
      left.add(el);
    }
  };
  /**
   * Forgets elements still out of the document a task after they left, so that removed components can be
   * collected. Moved in two steps within one task (removed, then inserted elsewhere), an element stays
   * followed; one made but not inserted yet is followed until it is.
   */
  const prune = () => {
    for (const el of left) if (!el.isConnected) followed.delete(el);
    left.clear();
  };

  // Anyone else's DOM changes (the page's, or setters such as textContent) are seen a microtask later.
  const observer = new global.MutationObserver(reconcile);
  const observe = (root: Node) => observer.observe(root, { childList: true, subtree: true });
  let observing = false;

  const follow = (el: Element, def: Definition) => {
    upgraded.set(el, def);
    followed.set(el, false);
    if (!observing) {
      observing = true;
      observe(doc);
    }
  };

  function upgrade(el: Element, def: Definition): void {
    Object.setPrototypeOf(el, def.ctor.prototype);
    constructing = el;
    try {
      const made: unknown = new def.ctor();
      if (made !== el) throw new TypeError(`Accessible Reader: <${def.name}>'s constructor did not return its element.`);
    } finally {
      constructing = null;
    }
    follow(el, def);
  }

  // The `HTMLElement` the component classes extend. Its prototype is the browser's, so that every native
  // method and accessor still works on the element.
  function PrivateHTMLElement(this: unknown): Element {
    const el = constructing;
    if (el) {
      constructing = null;
      return el;
    }
    // `new SomeComponent()` from the extension's own code: the constructor is already running.
    const target = new.target as unknown as CustomElementConstructor | undefined;
    const def = target ? byClass.get(target) : undefined;
    if (!def) throw new TypeError('Illegal constructor');
    const made = nativeCreateElement.call(doc, def.name);
    if (made.matches(':defined')) throw notSupported(`<${def.name}> is defined by the page itself.`);
    Object.setPrototypeOf(made, target!.prototype);
    follow(made, def);
    return made;
  }
  PrivateHTMLElement.prototype = NativeHTMLElement.prototype;
  Object.defineProperty(PrivateHTMLElement, 'name', { value: 'HTMLElement' });

  function create(this: Document, name: string, options?: string | ElementCreationOptions): Element {
    const el = nativeCreateElement.call(this, name, options as ElementCreationOptions);
    // Only in the page's own document (no custom element is upgraded in a document without a window).
    const def = this === doc ? definitions.get(el.localName) : undefined;
    if (!def) return el;
    if (el.matches(':defined')) throw notSupported(`<${def.name}> is defined by the page itself.`);
    upgrade(el, def);
    return el;
  }

  class Registry implements PrivateRegistry {
    define(name: string, ctor: CustomElementConstructor, options?: ElementDefinitionOptions): void {
      name = String(name);
      if (typeof ctor !== 'function') throw new TypeError('Accessible Reader: a custom element needs a class.');
      if (!VALID_NAME.test(name) || RESERVED.has(name)) throw new DOMException(`Accessible Reader: "${name}" is not a valid custom element name.`, 'SyntaxError');
      if (options?.extends) throw notSupported('customized built-in elements are not supported.');
      if (definitions.has(name)) throw notSupported(`<${name}> is already defined.`);
      if (byClass.has(ctor)) throw notSupported(`this class is already defined as <${byClass.get(ctor)!.name}>.`);
      if (!(ctor.prototype instanceof NativeHTMLElement)) throw new TypeError(`Accessible Reader: <${name}>'s class does not extend HTMLElement.`);
      // A tag the page defined for itself would run the page's class on the extension's elements.
      if (nativeCreateElement.call(doc, name).matches(':defined')) throw notSupported(`<${name}> is defined by the page itself.`);
      const observed = (ctor as { observedAttributes?: Iterable<string> }).observedAttributes;
      const def: Definition = { name, ctor, observed: new Set(observed ? [...observed].map(String) : []) };
      definitions.set(name, def);
      byClass.set(ctor, def);
      waiting.get(name)?.resolve(ctor);
    }

    get(name: string): CustomElementConstructor | undefined {
      return definitions.get(String(name))?.ctor;
    }

    getName(ctor: CustomElementConstructor): string | null {
      return byClass.get(ctor)?.name ?? null;
    }

    whenDefined(name: string): Promise<CustomElementConstructor> {
      const def = definitions.get(String(name));
      if (def) return Promise.resolve(def.ctor);
      let entry = waiting.get(name);
      if (!entry) {
        let resolve!: (c: CustomElementConstructor) => void;
        const promise = new Promise<CustomElementConstructor>((r) => (resolve = r));
        waiting.set(name, (entry = { promise, resolve }));
      }
      return entry.promise;
    }

    upgrade(): void {}
  }

  const registry = new Registry();
  const install = (target: object, key: string | symbol, value: unknown) => Object.defineProperty(target, key, { configurable: true, writable: true, enumerable: false, value });

  // In Chrome the global is the window. In Firefox the sandbox's own `HTMLElement` is what a class's
  // `extends HTMLElement` finds; `customElements` is read through the window (`doc.defaultView`) as well.
  for (const target of new Set<object>([global, win])) {
    install(target, 'HTMLElement', PrivateHTMLElement);
    install(target, 'customElements', registry);
  }
  install(global.Document.prototype, 'createElement', create);
  install(win, INSTALLED, registry);

  // The extension's own attribute changes reach the element's attributeChangedCallback.
  const E = global.Element.prototype;
  const attributes = { setAttribute: E.setAttribute, removeAttribute: E.removeAttribute, toggleAttribute: E.toggleAttribute };
  const withReaction = <A extends unknown[], R>(native: (this: Element, name: string, ...rest: A) => R, always = false) =>
    function (this: Element, name: string, ...rest: A): R {
      const def = upgraded.get(this);
      if (!def) return native.call(this, name, ...rest);
      const key = String(name).toLowerCase();
      const old = this.getAttribute(key);
      const result = native.call(this, name, ...rest);
      const value = this.getAttribute(key);
      // Like the browser: setAttribute always reacts, removal and toggling only when something changed.
      if (def.observed.has(key) && (always || old !== value)) react(this, 'attributeChangedCallback', key, old, value);
      return result;
    };
  install(E, 'setAttribute', withReaction(attributes.setAttribute, true));
  install(E, 'removeAttribute', withReaction(attributes.removeAttribute));
  install(E, 'toggleAttribute', withReaction(attributes.toggleAttribute));

  // The extension's own insertions and removals reach connected/disconnectedCallback at once.
  const thenReconcile = (proto: object, names: string[]) => {
    for (const name of names) {
      const native = (proto as Record<string, unknown>)[name];
      if (typeof native !== 'function') continue;
      install(proto, name, function (this: unknown, ...args: unknown[]) {
        const result: unknown = native.apply(this, args);
        if (followed.size) reconcile();
        return result;
      });
    }
  };
  thenReconcile(global.Node.prototype, ['appendChild', 'insertBefore', 'replaceChild', 'removeChild']);
  thenReconcile(E, ['append', 'prepend', 'before', 'after', 'replaceWith', 'remove', 'replaceChildren', 'insertAdjacentElement']);
  thenReconcile(global.CharacterData.prototype, ['before', 'after', 'replaceWith']);
  thenReconcile(global.Document.prototype, ['append', 'prepend', 'replaceChildren']);
  thenReconcile(global.DocumentFragment.prototype, ['append', 'prepend', 'replaceChildren']);

  // Changes inside shadow roots the extension makes (the toolbar's, the components' own) are followed too.
  const attachShadow = E.attachShadow;
  install(E, 'attachShadow', function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    observe(root);
    return root;
  });

  return registry;
}
