/**
 * Readability as extraction's fallback. The package entry brings this module with Readability; the one-file
 * bundle leaves both out and gets them from the reading chunk beside it (chunks/reading.ts).
 */
import { isoDate, vietnameseDate, writtenDate } from '../adapters/metadata.js';
import { siteOf } from '../adapters/teasers.js';
import { isElement, textOf } from '../dom.js';
import type { Found } from '../types.js';
import { Cleaner, type Budget } from './clean.js';
import { candidate, setFallback, type Candidate, type Fallback } from './extract.js';
import { tidy } from './tidy.js';
import type { ExtractOptions, ReadabilityLike } from './types.js';

let registered: ReadabilityLike | undefined;

/**
 * Gives extraction a Readability to fall back on (`@mozilla/readability`'s class or a compatible one) where
 * the site adapters find nothing or something that looks wrong. The package entry registers Mozilla's.
 * `null` removes it.
 */
export function useReadability(impl: ReadabilityLike | null | undefined): void {
  registered = typeof impl === 'function' ? impl : undefined;
  setFallback(fromReadability);
}

/**
 * The fallback itself, running `impl`: what the reading chunk beside the one-file bundle hands over (through
 * `globalThis.AccessibleReaderChunks.fallback`, read by extraction when nothing was registered here).
 */
export function readabilityFallback(impl: ReadabilityLike): Fallback {
  registered = impl;
  return fromReadability;
}

/**
 * Runs Readability on a copy of `doc` (it rewrites the document it reads), then cleans what it kept like the
 * adapters' result. Before it runs, the copy's text nodes are paired with the page's, so that its text can
 * still be highlighted on the page. The engine's own nodes and the widgets it hid are taken out first.
 */
function fromReadability(doc: Document, found: Found | null, options: ExtractOptions, budget: Budget): Candidate | null {
  const Impl = options.readability === undefined ? registered : options.readability;
  if (!Impl) return null;
  const copy = doc.cloneNode(true) as Document;
  const pair = new Map<Text, Text>();
  const a = doc.createTreeWalker(doc.documentElement, 4);
  const b = copy.createTreeWalker(copy.documentElement, 4);
  for (let n = a.nextNode(), m = b.nextNode(); n && m; n = a.nextNode(), m = b.nextNode()) pair.set(m as Text, n as Text);
  for (const el of copy.querySelectorAll('[data-ar-own], [data-ar-hidden]')) el.remove();
  const parsed = new Impl(copy, { maxElemsToParse: budget.maxNodes, serializer: (node: Node) => node }).parse();
  if (!parsed || !isElement(parsed.content)) return null;
  const cleaner = new Cleaner(doc, budget, () => false, false);
  const content = cleaner.article([...parsed.content.childNodes]);
  const tidied = tidy(content, siteOf(doc));
  const origin = new Map<Text, Text>();
  for (const [clean, copied] of cleaner.origin) {
    const page = pair.get(copied);
    if (page) origin.set(clean, page);
  }
  const clean = (v: string | null | undefined) => v?.replace(/\s+/g, ' ').trim() || undefined;
  const title = found?.article.title ?? clean(parsed.title) ?? doc.title;
  const published = found?.article.published ?? isoDate(parsed.publishedTime) ?? vietnameseDate(tidied.date ?? '') ?? writtenDate(tidied.date ?? '');
  const byline = found?.article.byline ?? clean(parsed.byline) ?? tidied.byline;
  // Readability keeps the title as a heading of the text at times.
  const first = content.querySelector('h2, h3');
  if (first && textOf(first) === title) first.remove();
  return candidate({ title, ...(published ? { published } : {}), ...(byline ? { byline } : {}), lead: '', content, platform: 'readability' }, origin);
}
