import axe from 'axe-core';

/** The rule tags every state of every component must pass (WCAG 2.2 A/AA plus axe best practices). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Readable one-line summaries of axe violations, so a failing assertion says what is wrong and where. */
export async function axeViolations(context: axe.ElementContext = document, tags = AXE_TAGS): Promise<string[]> {
  const result = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`));
}
