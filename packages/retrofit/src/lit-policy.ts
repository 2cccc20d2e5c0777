/**
 * Lets Lit load on a page whose Trusted Types allowlist does not name Lit's policy. Lit creates its policy,
 * `lit-html`, when its module is evaluated; under `trusted-types somepolicy` that call throws, and with it
 * the whole one-file bundle (`AccessibleReader` never defined) or the extension's content script. Imported
 * before Lit: while Lit loads, that one refusal is recorded instead of thrown, and `litLoaded()` (or, at the
 * latest, the first microtask after the importing script) puts the page's `createPolicy` back as it was.
 * Without its policy Lit cannot render where Trusted Types are enforced, so the components are not used on
 * such a page: the engine still scales and themes the text, and its toolbar uses native buttons.
 */
interface PolicyFactory {
  createPolicy(name: string, rules: object): unknown;
}

const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
let refused = false;
let wrapped = false;

if (factory && typeof factory.createPolicy === 'function') {
  const create = factory.createPolicy;
  try {
    Object.defineProperty(factory, 'createPolicy', {
      configurable: true,
      value(name: string, rules: object) {
        try {
          return Reflect.apply(create, factory, [name, rules]);
        } catch (error) {
          if (name !== 'lit-html') throw error;
          refused = true;
          return undefined;
        }
      },
    });
    wrapped = true;
    // Taken off at the latest once the script that imported this module has run (Lit with it), even where
    // no one calls litLoaded() (the extension's content script).
    queueMicrotask(litLoaded);
  } catch {
    // A frozen factory: Lit's own call decides, as without this module.
  }
}

/** Called once Lit has loaded: the page's `trustedTypes.createPolicy` is its own again. */
export function litLoaded(): void {
  if (!wrapped) return;
  wrapped = false;
  delete (factory as Partial<PolicyFactory>).createPolicy;
}

let markupFree = false;

/**
 * Declares that this build's Lit templates are compiled ahead of time (the extension's are: Lit parses no
 * markup at run time), so a refused policy does not keep the components from rendering.
 */
export function markupFreeTemplates(): void {
  markupFree = true;
}

/** Whether the page's CSP refused Lit's policy and Lit needs it (so its templates may not render here). */
export const litPolicyRefused = (): boolean => refused && !markupFree;
