/**
 * The engine's style sheets on a page: constructed sheets adopted by the document, so that a page whose CSP
 * refuses inline styles (`style-src 'self'`) still gets them (CSP governs <style> elements, not constructed
 * sheets) and no violation is reported to the site. Where a browser cannot adopt sheets, <style> elements.
 */
import { OWN, adoptedSheets, headOf, rootOf, setAdoptedSheets, styleSheetsOf, viewOf } from './dom.js';

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
  private adopt: boolean;

  constructor(
    private readonly doc: Document,
    private readonly win: Win,
  ) {
    this.adopt = !!adoptedSheets(doc) && 'replaceSync' in win.CSSStyleSheet.prototype;
  }

  /**
   * Adds a sheet after every sheet of the page (an appended sheet costs the browser an incremental style
   * update; one inserted before the page's makes it rebuild every rule: 150 ms on a 10,000-element page with
   * cascade layers, measured in tests/bench). `first` is the sheet declaring the engine's layer order: where
   * the page may declare layers of its own, that order must come before theirs for the engine's !important
   * rules to win, so it is also written into a <style> at the start of <head>.
   */
  add(css: string, first = false): EngineStyle {
    const { doc, all } = this;
    if (first && mayHaveLayers(doc)) this.element(css, true);
    if (this.adopt) {
      try {
        const sheet = new this.win.CSSStyleSheet();
        sheet.replaceSync(css);
        setAdoptedSheets(doc, [...adoptedSheets(doc)!, sheet]);
        const style: EngineStyle = {
          sheet,
          set textContent(text: string | null) {
            sheet.replaceSync(text ?? '');
          },
          remove() {
            setAdoptedSheets(doc, adoptedSheets(doc)!.filter((s) => s !== sheet));
            all.delete(style);
          },
        };
        all.add(style);
        return style;
      } catch {
        // A browser that constructs sheets but refuses this document's (another realm's) adoption.
        this.adopt = false;
      }
    }
    return this.element(css, false);
  }

  /** How many of this session's sheets are on the page. */
  get size(): number {
    return this.all.size;
  }

  removeAll(): void {
    for (const s of this.all) s.remove();
    this.all.clear();
  }

  private element(css: string, atStart: boolean): EngineStyle {
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
 * Styles a shadow root of the engine's: an adopted sheet where the browser can (a page's `style-src` policy
 * does not block it), else a <style> inside.
 */
export function shadowStyle(root: ShadowRoot, css: string): void {
  const win = viewOf(root.ownerDocument)!;
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = root.ownerDocument.createElementNS('http://www.w3.org/1999/xhtml', 'style');
    style.textContent = css;
    root.append(style);
  }
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
