/**
 * The accuracy corpus: every page with its hand-checked expected output (tests/fixtures/corpus/*.expected.json,
 * whose `page` field points at the page, next to it or among the engine's fixtures).
 */
export interface Expected {
  page: string;
  note: string;
  title: string;
  published: string;
  byline: string;
  lead: string;
  /** Lead and body text, one block per line: what the reader view shows and read-aloud reads. */
  text: string;
}

export interface CorpusPage {
  name: string;
  html: string;
  expected: Expected;
}

const expected = import.meta.glob<Expected>('../fixtures/corpus/*.expected.json', { eager: true, import: 'default' });
const pages = import.meta.glob<string>(['../fixtures/corpus/*.html', '../fixtures/gov-pages/*.html', '../fixtures/retrofit/*.html'], {
  eager: true,
  query: '?raw',
  import: 'default',
});

export const CORPUS: CorpusPage[] = Object.entries(expected).map(([path, exp]) => {
  const name = path.replace(/^.*\//, '').replace('.expected.json', '');
  const key = `..${new URL(exp.page, 'file:///r/fixtures/corpus/').pathname.slice(2)}`;
  const html = pages[key];
  if (!html) throw new Error(`corpus: ${name} points at ${exp.page} (${key}), which does not exist`);
  return { name, html, expected: exp };
});
