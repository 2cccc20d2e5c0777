/**
 * Articles that live in a frame: some portals show a shell page (header, menu, footer) and load their news module
 * into a same-origin <iframe> (or `srcdoc`). Extraction and the engine then work on that frame's document.
 * Cross-origin frames are never read (the browser forbids it, and their content is not the portal's).
 */
import { bodyOf, isOwn, queryAll, textOf } from './dom.js';
import type { Found } from './types.js';

/** Frames smaller than this (CSS px) hold widgets, ads or trackers, not an article. */
const MIN_SIDE = 200;
/** How deep frames inside frames are searched. */
const MAX_DEPTH = 3;

/**
 * Documents of the same-origin iframes of `doc` that a reader can see and that are large enough for an article.
 * Not the frames of a <frameset>: each of those is a page of its own, which the engine (the extension runs in
 * every frame) reads where it is.
 */
export function frameDocuments(doc: Document): Document[] {
  const out: Document[] = [];
  for (const frame of queryAll(doc, 'iframe')) {
    if (isOwn(frame)) continue;
    const box = frame.getBoundingClientRect();
    if (box.width < MIN_SIDE || box.height < MIN_SIDE) continue;
    let inner: Document | null = null;
    try {
      // Null, or a SecurityError, for a cross-origin frame.
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null;
    }
    if (inner && bodyOf(inner)) out.push(inner);
  }
  return out;
}

const bodyLength = (found: Found | null) => (found ? textOf(found.article.body).length : 0);

/**
 * Where the article of `doc` is: in `doc` (as `found` says), or in one of its same-origin frames when the frame's
 * article has more text than what was found around it (a shell page has little of its own). `find` finds the
 * article of a document. Returns the document to work on and its article.
 */
export function articleDocument(doc: Document, found: Found | null, find: (d: Document) => Found | null, depth = 0): { doc: Document; found: Found | null } {
  let best = { doc, found };
  if (depth >= MAX_DEPTH) return best;
  for (const inner of frameDocuments(doc)) {
    let candidate: { doc: Document; found: Found | null };
    try {
      candidate = articleDocument(inner, find(inner), find, depth + 1);
    } catch {
      continue;
    }
    if (bodyLength(candidate.found) > bodyLength(best.found)) best = candidate;
  }
  return best;
}

/**
 * When the article of `doc` is in one of its frames (see `articleDocument`), runs `start` on that frame's document
 * and returns its result; otherwise undefined. What `retrofit()` uses to apply the engine inside the frame.
 */
export function inArticleFrame<T>(doc: Document, found: Found | null, find: (d: Document) => Found | null, start: (d: Document) => T): T | undefined {
  const where = articleDocument(doc, found, find);
  return where.doc === doc ? undefined : start(where.doc);
}
