/**
 * Runs the transforms' scans over what the page adds, the way each phase of loading needs it, and all of them
 * together: every scan reads first, then every scan writes, so that one batch costs the browser one style
 * update, not one per transform. While the parser is still adding the page, an element's own text and
 * children arrive after it: the whole body is scanned once before each frame (scans skip what they already
 * decided) and once more at DOMContentLoaded. Afterwards, each batch of added elements is scanned as the
 * MutationObserver reports it.
 */
import type { PageChanges, PageContext } from './context.js';
import { bodyOf, isOwn } from './dom.js';

/** A scan: `read(roots)` looks (the body while loading, new elements afterwards), `write` changes the page. */
export interface Scan<T> {
  read(roots: Element[]): T;
  write(found: T): void;
}

interface Follower {
  scans: Set<Scan<unknown>>;
  stop(): void;
}

const followers = new WeakMap<PageContext, Follower>();

function start(c: PageContext): Follower {
  let frame: number | undefined;
  const scans = new Set<Scan<unknown>>();
  const body = () => {
    const b = bodyOf(c.doc);
    return b ? [b] : [];
  };
  const run = (roots: Element[]) => {
    if (!roots.length || !scans.size) return;
    try {
      const found = [...scans].map((s) => [s, s.read(roots)] as const);
      c.quietly(() => {
        for (const [s, f] of found) s.write(f);
      });
    } catch (error) {
      c.fail(error);
    }
  };
  const onLoaded = () => {
    if (frame !== undefined) c.win.cancelAnimationFrame(frame);
    frame = undefined;
    run(body());
  };
  const unwatch = c.watch(({ added }: PageChanges) => {
    if (c.doc.readyState === 'loading') {
      frame ??= c.win.requestAnimationFrame(() => {
        frame = undefined;
        run(body());
      });
      return;
    }
    run(added.filter((el) => el.isConnected && !isOwn(el)));
  });
  if (c.doc.readyState === 'loading') c.doc.addEventListener('DOMContentLoaded', onLoaded, { once: true });
  return {
    scans,
    stop() {
      unwatch();
      c.doc.removeEventListener('DOMContentLoaded', onLoaded);
      if (frame !== undefined) c.win.cancelAnimationFrame(frame);
      followers.delete(c);
    },
  };
}

/** Follows the page with `scan` (with the session's other scans); returns the function that stops it. */
export function followPage<T>(c: PageContext, scan: Scan<T>): () => void {
  let f = followers.get(c);
  if (!f) followers.set(c, (f = start(c)));
  const follower = f;
  follower.scans.add(scan as Scan<unknown>);
  return () => {
    follower.scans.delete(scan as Scan<unknown>);
    if (!follower.scans.size) follower.stop();
  };
}
