/** The extension's strings in a story's language, filled like `browser.i18n.getMessage`: play functions name controls by them. */
import vi from '../../extension/public/_locales/vi/messages.json';
import en from '../../extension/public/_locales/en/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** The story's language: the toolbar's `lang` global (Vietnamese unless English is chosen). */
export const storyLang = (globals: Record<string, unknown>): 'vi' | 'en' => (globals.lang === 'en' ? 'en' : 'vi');

export function messageOf(globals: Record<string, unknown>): (key: string, ...subs: string[]) => string {
  const messages = (storyLang(globals) === 'en' ? en : vi) as Messages;
  return (key, ...subs) => {
    const m = messages[key];
    if (!m) throw new Error(`No message ${key}`);
    return m.message
      .replace(/\$([a-z0-9_@]+)\$/gi, (_, name: string) => m.placeholders?.[name.toLowerCase()]?.content ?? '')
      .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
}
