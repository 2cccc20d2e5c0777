/**
 * The engine's entry points: `firstPaint()` styles a page before its article is known (what the extension runs
 * at document_start), `retrofit()` finds the article and makes the page readable, taking over a first paint.
 */
import { ADAPTERS, findArticle } from './adapters/index.js';
import { inArticleFrame } from './frames.js';
import type { PageContext, Transform } from './context.js';
import { OWN, query, rootOf } from './dom.js';
import { report } from './report.js';
import { Session, inertSession, type Follower } from './session.js';
import { resolveSettings } from './settings.js';
import { clutter } from './transforms/clutter.js';
import { legacyWidgets } from './transforms/legacy-widgets.js';
import { columns } from './transforms/columns.js';
import { toolbar } from './transforms/toolbar.js';
import type { Found, RetrofitOptions, RetrofitSession, Settings } from './types.js';
import { pageTransforms, type PageParts } from './first-paint.js';

/** The full list in the order the transforms must run (widgets first: they hide what the others measure). */
function ordered(page: PageParts): Array<Transform<PageContext>> {
  return [legacyWidgets(), page.fontScale, page.spacing, page.relax, columns(), page.contrast, page.ink, page.font, clutter(), toolbar()] as Array<Transform<PageContext>>;
}

/**
 * Finds the article on `doc` and makes the page readable with `settings`. Never throws: when no article is
 * found the page is left untouched (and `article` is null); when anything fails inside the engine the error
 * is reported once with console.error and the page is put back as it was.
 *
 * With `options.from`, a first paint on the same document (see firstPaint()) is taken over: its stylesheets,
 * tags and state stay, and the session returned is that same object. When no article is found, the first paint
 * is left as it is (the reader still asked for that size and those colours).
 */
export function retrofit(doc: Document, settings?: Partial<Settings>, options: RetrofitOptions = {}): RetrofitSession {
  const from = options.from;
  const early = from && typeof from.attach === 'function' && from.parts && from.owns(doc) ? from : undefined;
  const initial = resolveSettings(settings, early?.settings);
  let found: Found | null = null;
  try {
    if (!doc || !rootOf(doc)) throw new Error('no document');
    // Another session (this engine or another copy: the extension and a site's bundle) owns the page: two
    // would measure each other's sizes. The other one must be undone first.
    if (!early && query(doc, `[${OWN}]`)) {
      report('warn', 'Accessible Reader: already active on this page; undo the other session first.');
      return inertSession(initial);
    }
    found = findArticle(doc, options.adapters ?? ADAPTERS);
    // A shell page whose article lives in a same-origin frame: the engine works on that frame's document.
    const framed = early ? undefined : inArticleFrame(doc, found, (d) => findArticle(d, options.adapters ?? ADAPTERS), (d) => retrofit(d, settings, options));
    if (framed) return framed;
  } catch (error) {
    report('error', 'Accessible Reader: could not read this page; it was left as it was.', error);
    return inertSession(initial);
  }
  if (!found) return inertSession(initial);
  // A page that swaps its <body> (pjax, Turbolinks): the article on the new one, with fresh transforms.
  const follower: Follower = () => {
    const next = findArticle(doc, options.adapters ?? ADAPTERS);
    return next && { found: next, transforms: ordered(pageTransforms()) };
  };
  if (early) {
    // The first paint may come from another copy of the engine (the extension's early script): set as data.
    Object.assign(early, { follower });
    early.update(initial);
    early.attach(found, ordered(early.parts), options);
    return early;
  }
  let session: Session;
  try {
    session = new Session(doc, initial, options, []);
  } catch (error) {
    report('error', 'Accessible Reader: could not start on this page; it was left as it was.', error);
    return inertSession(initial);
  }
  session.follower = follower;
  session.start();
  session.attach(found, ordered(pageTransforms()));
  return session;
}
