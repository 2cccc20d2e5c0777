/**
 * How `i18n.getMessage` fills a message of messages.json: its `$NAME$` placeholders by their content, then
 * `$1`…`$9` by the substitutions, `$$` as a dollar sign. Used where the browser gave no message (lib/i18n.ts)
 * and by the tests to name controls by their words.
 */

/** One entry of messages.json. */
export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export function formatMessage(entry: MessageEntry, subs: readonly string[]): string {
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/gi, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '')
    .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '')
    .replace(/\$\$/g, '$');
}
