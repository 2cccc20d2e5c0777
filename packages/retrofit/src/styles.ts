/**
 * The engine's style sheets on a page: <style> elements, appended after the page's sheets (the cheapest for
 * the browser to take in), and constructed sheets adopted by the document where the page's CSP refuses inline
 * styles (`style-src 'self'`: CSP governs <style> elements, not constructed sheets). The first sheet tells
 * which: refused, it is taken back (the browser reports that one refusal) and every sheet is adopted.
 */
import { OWN, adoptedSheets, headOf, rootOf, styleSheetsOf, viewOf } from './dom.js';

/** Documents whose CSP refuses the engine's <style> elements. */
const refused = new WeakSet<Document>();

/** One of the engine's sheets, as a transform holds it. A <style> element satisfies this too. */
export interface EngineStyle {
  /** The sheet, for CSSOM edits (a rule's `style.setProperty`). */
  readonly sheet: CSSStyleSheet | null;
  /** The sheet's whole text; setting it replaces every rule. */
  textContent: string | null;
  /** Takes the sheet off the page. Safe to call twice. */
  remove(): void;
}

type Win = Window & typeof globalThis;

/** Every sheet of one session; `removeAll()` takes them off (undo). */
export class EngineSheets {
  private readonly all = new Set<EngineStyle>();
  /** Whether sheets are adopted: unknown until the first sheet is added. */
  private adopt: boolean | undefined;

  constructor(
    private readonly doc: Document,
    private readonly win: Win,
  ) {}

  /**
   * Adds a sheet after every sheet of the page (an appended sheet costs the browser an incremental style
   * update; one inserted before the page's makes it rebuild every rule: 150 ms on a 10,000-element page with
   * cascade layers, measured in tests/bench). `first` is the sheet declaring the engine's layer order: where
   * the page may declare layers of its own, it goes at the start of <head>, for the engine's !important rules
   * to win over the page's.
   */
  add(css: string, first = false): EngineStyle {
    const { doc } = this;
    if (!this.adopt) {
      const style = this.element(css, first && mayHaveLayers(doc));
      if (style.sheet || this.adopt === false || !adoptedSheets(doc)) {
        this.adopt = false;
        return style;
      }
      style.remove();
      this.all.delete(style);
      this.adopt = true;
      refused.add(doc);
    }
    return this.adopted(css);
  }

  /** How many of this session's sheets are on the page. */
  get size(): number {
    return this.all.size;
  }

  removeAll(): void {
    for (const s of this.all) s.remove();
    this.all.clear();
  }

  private adopted(css: string): EngineStyle {
    const { doc, all } = this;
    const sheet = new this.win.CSSStyleSheet();
    sheet.replaceSync(css);
    // Pushed onto the live list: one sheet added after the others.
    adoptedSheets(doc)!.push(sheet);
    const style: EngineStyle = {
      sheet,
      set textContent(text: string | null) {
        sheet.replaceSync(text ?? '');
      },
      remove() {
        const list = adoptedSheets(doc)!;
        const at = list.indexOf(sheet);
        if (at >= 0) list.splice(at, 1);
        all.delete(style);
      },
    };
    all.add(style);
    return style;
  }

  private element(css: string, atStart: boolean): HTMLStyleElement {
    const doc = this.doc;
    const style = doc.createElementNS('http://www.w3.org/1999/xhtml', 'style') as HTMLStyleElement;
    style.setAttribute(OWN, '');
    style.textContent = css;
    const parent = atStart ? (headOf(doc) ?? rootOf(doc)) : rootOf(doc);
    parent.insertBefore(style, atStart ? parent.firstChild : null);
    this.all.add(style);
    return style;
  }
}

/**
 * Styles a shadow root of the engine's: a <style> inside, or an adopted sheet on a page whose CSP refuses the
 * engine's <style> elements (known once its first sheet was added).
 */
export function shadowStyle(root: ShadowRoot, css: string): void {
  const doc = root.ownerDocument;
  if (refused.has(doc)) {
    const sheet = new (viewOf(doc)!.CSSStyleSheet)();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = doc.createElementNS('http://www.w3.org/1999/xhtml', 'style');
  style.textContent = css;
  root.append(style);
}

/**
 * Whether the page's CSS declares cascade layers, or cannot be read (cross-origin) and so might: the
 * engine's layers must then be declared before them, for its !important rules to win.
 */
function mayHaveLayers(doc: Document): boolean {
  const inSheet = (sheet: CSSStyleSheet | null | undefined): boolean => {
    try {
      return !!sheet && inRules(sheet.cssRules);
    } catch {
      return true;
    }
  };
  // Layer rules, layered @import, and inside @media/@supports/@import (not inside style rules).
  const inRules = (rules: CSSRuleList): boolean =>
    [...rules].some((r) => {
      const g = r as CSSImportRule & CSSGroupingRule & CSSStyleRule;
      return /Layer/.test(Object.prototype.toString.call(r)) || g.layerName != null || inSheet(g.styleSheet) || (!g.selectorText && !!g.cssRules && inRules(g.cssRules));
    });
  return [...styleSheetsOf(doc)].some(inSheet);
}
