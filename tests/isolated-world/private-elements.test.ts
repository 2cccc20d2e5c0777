/**
 * The extension's private custom element registry (extension/lib/private-elements.ts), installed in a fresh
 * iframe's window as a content script's world: what it upgrades, which callbacks it calls, and what it leaves
 * to the page. The top window stands for the page's own world (its DOM methods are not the patched ones).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { installPrivateElements, type PrivateRegistry } from '../../extension/lib/private-elements';

type World = Window & typeof globalThis;
const frames: HTMLIFrameElement[] = [];

/** A fresh window with the registry installed, and a class for `tag` that logs its reactions. */
async function world(tag = 'arx-probe', before?: (win: World) => void) {
  const frame = document.createElement('iframe');
  frames.push(frame);
  document.body.append(frame);
  await new Promise((r) => setTimeout(r));
  const win = frame.contentWindow as World;
  before?.(win);
  const registry: PrivateRegistry = installPrivateElements({ global: win, win });
  const log: string[] = [];
  class Probe extends win.HTMLElement {
    static get observedAttributes() {
      return ['src'];
    }
    made = true;
    connectedCallback() {
      log.push('connected');
    }
    disconnectedCallback() {
      log.push('disconnected');
    }
    attributeChangedCallback(name: string, old: string | null, value: string | null) {
      log.push(`${name}: ${old} -> ${value}`);
    }
  }
  registry.define(tag, Probe);
  return { win, doc: win.document, registry, Probe, log };
}
const task = () => new Promise((r) => setTimeout(r, 10));

afterEach(() => frames.splice(0).forEach((f) => f.remove()));

describe('the private registry', () => {
  it('upgrades what the extension’s createElement makes, never markup, parsed or written by the page', async () => {
    const { win, doc, Probe, registry } = await world();
    const made = doc.createElement('arx-probe');
    expect(made).toBeInstanceOf(Probe);
    expect((made as unknown as { made?: boolean }).made).toBe(true);
    // The page's own ways of making the tag: markup (parsed) and its own createElement.
    const host = doc.createElement('div');
    win.document.body.append(host);
    host.insertAdjacentHTML('beforeend', '<arx-probe src="/feed.json"></arx-probe>');
    const byPage = Document.prototype.createElement.call(doc, 'arx-probe');
    const cloned = made.cloneNode(true);
    await task();
    for (const el of [host.firstElementChild!, byPage, cloned]) {
      expect(el).not.toBeInstanceOf(Probe);
      expect((el as unknown as { made?: boolean }).made).toBeUndefined();
    }
    expect(registry.get('arx-probe')).toBe(Probe);
    expect(registry.getName(Probe)).toBe('arx-probe');
    // The page's registry never hears of the tag.
    expect(Object.getOwnPropertyDescriptor(win, 'customElements')?.value).toBe(registry);
  });

  it('calls connected/disconnected at once for the extension’s DOM calls, and a microtask later for anyone else’s', async () => {
    const { doc, log } = await world();
    const el = doc.createElement('arx-probe');
    doc.body.append(el);
    expect(log).toEqual(['connected']);
    el.remove();
    expect(log).toEqual(['connected', 'disconnected']);
    doc.body.append(el);
    // The page moves it away (the top window's remove is not the patched one).
    Element.prototype.remove.call(el);
    expect(log).toEqual(['connected', 'disconnected', 'connected']);
    await Promise.resolve();
    await task();
    expect(log).toEqual(['connected', 'disconnected', 'connected', 'disconnected']);
  });

  it('an element made now and inserted later still connects, whatever else left the document meanwhile', async () => {
    const { doc, log } = await world();
    const gone = doc.createElement('arx-probe');
    doc.body.append(gone);
    const later = doc.createElement('arx-probe');
    gone.remove();
    await task();
    await task();
    doc.body.append(later);
    expect(log).toEqual(['connected', 'disconnected', 'connected']);
  });

  it('reacts to the extension’s own attribute changes of observed attributes only, never to the page’s', async () => {
    const { doc, log } = await world();
    const el = doc.createElement('arx-probe');
    el.setAttribute('src', '/a.json');
    el.setAttribute('title', 'not observed');
    el.toggleAttribute('src');
    // The page writes a URL on it with its own DOM method.
    Element.prototype.setAttribute.call(el, 'src', '/from-page.json');
    await task();
    expect(log).toEqual(['src: null -> /a.json', 'src: /a.json -> null']);
    expect(el.getAttribute('src')).toBe('/from-page.json');
  });

  it('refuses a tag the page defined for itself, and names that are not custom element names', async () => {
    let pageClassRuns = 0;
    await expect(
      world('arx-taken', (w) => {
        w.customElements.define(
          'arx-taken',
          class extends w.HTMLElement {
            constructor() {
              super();
              pageClassRuns++;
            }
          },
        );
      }),
    ).rejects.toThrow(/defined by the page itself/);
    // At most the one empty element made while checking the name.
    expect(pageClassRuns).toBeLessThanOrEqual(1);
    await expect(world('Arx-probe')).rejects.toThrow(/not a valid custom element name/);
    await expect(world('font-face')).rejects.toThrow(/not a valid custom element name/);
  });
});
