import type { Decorator } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';

export type StoryLang = 'vi' | 'en';
export type StoryContrast = 'off' | 'high' | 'dark' | 'yellow';

/** Per-language text for the page heading every component story gets: `parameters.heading`. */
export interface StoryHeading {
  vi: string;
  en: string;
}

/**
 * Story parameters read here:
 * - `heading` ({@link StoryHeading}): the `<h1>` of the page a component story is shown on.
 * - `frame`: `page` (default) shows the story inside `<main>` with an `<h1>`, like a component on a real page, so
 *   axe's page rules (one main landmark, an h1, all content in landmarks) are checked as on a site; `bare` is
 *   for stories that bring their own page (header, main, footer), as the sample article does.
 */
export const langOf = (globals: Record<string, unknown>): StoryLang => (globals.lang === 'en' ? 'en' : 'vi');

export const contrastOf = (globals: Record<string, unknown>): StoryContrast =>
  globals.contrast === 'high' || globals.contrast === 'dark' || globals.contrast === 'yellow' ? globals.contrast : 'off';

/**
 * Puts every story on a small page in the chosen language and contrast theme. The toolbar switches (and the
 * English variants, through story `globals`) land here: `lang` on the story root is what the components read,
 * and `data-ar-contrast` on it is what the package's contrast.css themes key on.
 */
export const withPage: Decorator = (story, { globals, parameters, title, viewMode }) => {
  const lang = langOf(globals);
  const contrast = contrastOf(globals);
  const theme = contrast === 'off' ? nothing : contrast;
  // Docs pages show many stories on one page written in English: only the story's own root gets the language.
  if (viewMode === 'docs') return html`<div class="ar-story ar-story--docs" lang=${lang} data-ar-contrast=${theme}>${story()}</div>`;
  document.documentElement.lang = lang;
  if (parameters.frame === 'bare') return html`<div class="ar-story ar-story--bare" lang=${lang} data-ar-contrast=${theme}>${story()}</div>`;
  const heading = (parameters.heading as StoryHeading | undefined)?.[lang] ?? title.split('/').at(-1);
  return html`<main class="ar-story" lang=${lang} data-ar-contrast=${theme}>
    <h1 class="ar-story__title">${heading}</h1>
    ${story()}
  </main>`;
};

/**
 * Components that act on the whole document (font size, contrast) leave their mark on <html>. Each story
 * starts from a clean root, so no story depends on the one shown before it.
 */
export function resetDocument(): void {
  const root = document.documentElement;
  root.removeAttribute('data-ar-contrast');
  root.style.removeProperty('font-size');
  root.style.removeProperty('--ar-font-scale');
}
