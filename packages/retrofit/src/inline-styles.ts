/**
 * Inline `!important` declarations beat every stylesheet, the engine's included. Transforms that must win
 * over them take them off the element here, and this registry puts the `style` attribute back exactly as the
 * page last wrote it: when the last transform lets go, or on undo.
 */
import { report } from './report.js';
/**
 * How many times the page may put back a declaration taken off one element before the engine stops taking it:
 * a page script that restores its `font-size: … !important` whenever it is removed would otherwise rewrite
 * the element with the engine forever (each side answering the other's change, the tab frozen).
 */
export const FIGHT_LIMIT = 3;

export class InlineStyles {
  private entries = new Map<Element, { original: string | null; owners: Map<string, string[]> }>();
  /** Times the page put back what was taken, per element. */
  private fights = new WeakMap<Element, number>();
  /** Elements the page fought for: left exactly as the page writes them. */
  private leftToPage = new WeakSet<Element>();
  private warned = false;

  /** Takes the inline !important declarations among `props` off `el`, on behalf of `owner`. */
  take(el: Element, owner: string, props: readonly string[]): void {
    if (this.leftToPage.has(el)) return;
    // Most elements have no inline !important: decided from the attribute, without creating a style object.
    if (!/important/i.test(el.getAttribute('style') ?? '')) return;
    const style = (el as HTMLElement).style;
    if (!style) return;
    const important = props.filter((p) => style.getPropertyPriority(p) === 'important');
    if (!important.length) return;
    let entry = this.entries.get(el);
    // Taken before and back again: the page puts it back each time. After a few rounds the page keeps it.
    const before = entry?.owners.get(owner);
    if (before && important.some((p) => before.includes(p))) {
      const rounds = (this.fights.get(el) ?? 0) + 1;
      this.fights.set(el, rounds);
      if (rounds >= FIGHT_LIMIT) return this.leave(el);
    }
    if (!entry) this.entries.set(el, (entry = { original: el.getAttribute('style'), owners: new Map() }));
    entry.owners.set(owner, [...new Set([...(entry.owners.get(owner) ?? []), ...important])]);
    for (const p of important) style.removeProperty(p);
  }

  /** Gives back everything `owner` took (others keep theirs). */
  release(owner: string): void {
    for (const [el, entry] of this.entries) {
      if (!entry.owners.delete(owner)) continue;
      this.restore(el, entry.original);
      if (!entry.owners.size) this.entries.delete(el);
      else for (const props of entry.owners.values()) for (const p of props) (el as HTMLElement).style.removeProperty(p);
    }
  }

  /**
   * The page rewrote the inline style of `el` while we held some of it: its new text becomes what undo
   * restores, with our taken declarations added back when the page did not set them again.
   */
  pageRewrote(el: Element): void {
    const entry = this.entries.get(el);
    if (!entry) return;
    const style = (el as HTMLElement).style;
    const taken = [...entry.owners.values()].flat();
    const old = this.parse(entry.original);
    const missing = taken.filter((p) => !style.getPropertyValue(p) && old.has(p));
    const now = el.getAttribute('style') ?? '';
    entry.original = [now.trim(), ...missing.map((p) => `${p}: ${old.get(p)} !important;`)].filter(Boolean).join(' ');
    for (const [owner, props] of entry.owners) this.take(el, owner, props);
  }

  /** The page keeps putting back what was taken: its own text, as it now stands, stays; nothing is taken again. */
  private leave(el: Element): void {
    this.entries.delete(el);
    this.leftToPage.add(el);
    if (this.warned) return;
    this.warned = true;
    report('warn', 'Accessible Reader: the page keeps putting back its own size here; left as it is.', el);
  }

  has(el: Element): boolean {
    return this.entries.has(el);
  }

  restoreAll(): void {
    for (const [el, entry] of this.entries) this.restore(el, entry.original);
    this.entries.clear();
  }

  private restore(el: Element, original: string | null): void {
    if (original === null) el.removeAttribute('style');
    else el.setAttribute('style', original);
  }

  private parse(text: string | null): Map<string, string> {
    const out = new Map<string, string>();
    for (const decl of (text ?? '').split(';')) {
      const i = decl.indexOf(':');
      if (i > 0) out.set(decl.slice(0, i).trim().toLowerCase(), decl.slice(i + 1).replace(/!\s*important/i, '').trim());
    }
    return out;
  }
}
