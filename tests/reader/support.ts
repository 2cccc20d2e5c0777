import { Readability } from '@mozilla/readability';
import { openPage, type TestPage } from '../retrofit/support/page';

export { frame, sleep } from '../retrofit/support/page';

/**
 * A test page with the package loaded in the page's own window (as the bundle or a site's script would run
 * it): `x` is the package (engine, extraction, reader view, read-aloud).
 */
export interface ReaderPage extends TestPage {
  x: TestPage['engine'];
}

export async function openReaderPage(html: string, options?: { width?: number; height?: number }): Promise<ReaderPage> {
  const page = await openPage(html, options);
  return { ...page, x: page.engine };
}

/** Plain Mozilla Readability on a copy of the page, as Firefox Reader View would run it. */
export function readabilityText(doc: Document): string {
  const parsed = new Readability(doc.cloneNode(true) as Document).parse();
  return parsed?.textContent ?? '';
}
