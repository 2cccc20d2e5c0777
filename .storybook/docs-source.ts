/**
 * "Show code" on the docs pages: what a page author copies. The two lines that load the components (the same
 * as in packages/components/README.md, checked there on a plain page), then the story's own markup without the
 * attributes a story leaves empty (`target=""` means "none", which leaving it out says better).
 */

/** The stylesheet and the script a page needs, as the components' README gives them. */
export const LOAD_LINES = [
  '<link rel="stylesheet" href="/node_modules/@accessible-reader/components/dist/contrast.css">',
  '<script type="module" src="/node_modules/@accessible-reader/components/dist/cdn/accessible-reader.js"></script>',
];

/**
 * The snippet for a story's rendered markup. `booleans` are attributes whose presence means true
 * (`pressed`, `readonly`): those are kept, without the `=""` the DOM gives them; any other empty one goes.
 */
export function snippet(markup: string, booleans: ReadonlySet<string>): string {
  // Storybook may hand the same snippet over twice: the second time it is already done.
  if (markup.startsWith(LOAD_LINES[0]!)) return markup;
  const lines = markup
    .replace(/\s([a-z][\w-]*)=""/g, (_all, name: string) => (booleans.has(name) ? ` ${name}` : ''))
    .split('\n')
    .filter((line) => line.trim() !== '');
  // The markup comes from an indented template literal: take the indent its lines share away.
  const indent = Math.min(...lines.slice(1).map((line) => /^\s*/.exec(line)![0].length));
  const html = lines.map((line, i) => (i === 0 ? line.trim() : line.slice(Number.isFinite(indent) ? indent : 0))).join('\n');
  return `${LOAD_LINES.join('\n')}\n\n${html}`;
}
