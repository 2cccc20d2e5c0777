/**
 * The page-wide part of the engine, which needs no article: text size, colours, spacing and font. The
 * extension starts it at document_start, so that the first paint is already the reader's; retrofit() later
 * takes the same session over with `{ from }`, so nothing is restyled twice.
 */
import type { PageContext, Transform } from './context.js';
import { Session } from './session.js';
import { resolveSettings } from './settings.js';
import { contrast } from './transforms/contrast.js';
import { font } from './transforms/font.js';
import { fontScale } from './transforms/font-scale.js';
import { ink } from './transforms/ink.js';
import { relax } from './transforms/relax.js';
import { spacing } from './transforms/spacing.js';
import type { Found, RetrofitOptions, RetrofitSession, Settings } from './types.js';

/**
 * A first paint: the page-wide settings on a page whose article is not known yet. retrofit() takes it over
 * through these members only (the extension's two scripts each carry their own copy of the engine, so
 * nothing here may rely on module identity).
 */
export interface FirstPaint extends RetrofitSession {
  /** Whether this first paint is on `doc` and still active (retrofit() can take it over). */
  owns(doc: Document): boolean;
  /** Its page-wide transforms, to be run on with the article's. */
  readonly parts: PageParts;
  /** Adds the article and the complete list of transforms (holding `parts`), and applies them. */
  attach(found: Found, transforms: Array<Transform<PageContext>>, options?: RetrofitOptions): void;
}

export type PageParts = ReturnType<typeof pageTransforms>;

/** The page-wide transforms, one set per session. */
export function pageTransforms() {
  return { fontScale: fontScale(), spacing: spacing(), relax: relax(), contrast: contrast(), ink: ink(), font: font() } satisfies Record<string, Transform<PageContext>>;
}


/**
 * Applies the page-wide settings to `doc` now, before its content has arrived. Never throws; returns null
 * when the document cannot be worked on. Undo puts the page back exactly.
 */
export function firstPaint(doc: Document, settings?: Partial<Settings>): FirstPaint | null {
  try {
    if (!doc?.documentElement) return null;
    const parts = pageTransforms();
    const session = Object.assign(new Session(doc, resolveSettings(settings), {}, Object.values(parts)), { parts });
    session.start();
    return session;
  } catch (error) {
    console.error('Accessible Reader: could not style this page early; it was left as it was.', error);
    return null;
  }
}
