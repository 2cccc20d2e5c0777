/// <reference types="vite/client" />
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { resetDocument, withPage } from './page';
import { forDocs, type Manifest } from './docs-api';
import { followContentHeight, storiesWithoutPlayOnDocsPages } from './docs-frames';
import { snippet } from './docs-source';
// The four tags, registered before the API tables are made: their defaults are read from new elements.
import '@accessible-reader/components/define.js';
import './preview.css';
// The package's themes: toolbar contrast switch, <ar-contrast-toggle> and the high-contrast article all use it.
import '../packages/components/src/contrast-toggle/contrast.css';

/** The tags every story is audited against: WCAG 2.0 / 2.1 / 2.2 A and AA, plus axe best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * custom-elements.json is a build output (`npm run build`), so it is looked up rather than imported: a Storybook
 * started before the first build still opens, with a console warning and without the API tables.
 */
const found = import.meta.glob<Manifest>('../packages/components/dist/custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(found)[0];
if (manifest) setCustomElementsManifest(forDocs(manifest));
else console.warn('Accessible Reader Storybook: run `npm run build` to generate custom-elements.json for the API tables.');

/** Attributes of the components whose presence means true (for "Show code"). */
const booleanAttributes = new Set(
  (manifest?.modules ?? [])
    .flatMap((m) => m.declarations ?? [])
    .flatMap((d) => (d as { attributes?: { name: string; type?: { text: string } }[] }).attributes ?? [])
    .filter((a) => a.type?.text === 'boolean')
    .map((a) => a.name),
);

storiesWithoutPlayOnDocsPages();
followContentHeight();

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withPage],
  beforeEach: () => {
    resetDocument();
  },
  globalTypes: {
    lang: {
      description: 'Language of the page around the story (the components follow the nearest lang)',
      toolbar: {
        title: 'Ngôn ngữ / Language',
        icon: 'globe',
        items: [
          { value: 'vi', title: 'Tiếng Việt (vi)', right: 'vi' },
          { value: 'en', title: 'English (en)', right: 'en' },
        ],
        dynamicTitle: true,
      },
    },
    contrast: {
      description: 'Contrast theme of contrast.css applied to the whole story (data-ar-contrast on the story root)',
      toolbar: {
        title: 'Tương phản / Contrast',
        icon: 'contrast',
        items: [
          { value: 'off', title: 'Contrast off' },
          { value: 'high', title: 'High: black on white' },
          { value: 'dark', title: 'Dark: light on black' },
          { value: 'yellow', title: 'Yellow on black' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'vi', contrast: 'off' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    a11y: {
      // Any violation fails the story's test in `npm test` (addon-vitest), not just a warning in the panel.
      test: 'error',
      options: { runOnly: { type: 'tag', values: AXE_TAGS } },
      // The addon switches `region` off for isolated components; our stories sit on a page with landmarks (see
      // page.ts), so the rule that all content is inside a landmark is checked again, as on a real site.
      config: { rules: [{ id: 'region', enabled: true }] },
    },
    // Each story of a docs page in its own frame: the font-size and contrast controls act on their document,
    // and on a shared docs page the 200% story would enlarge, and a contrast story theme, the whole page.
    docs: {
      toc: true,
      story: { inline: false, height: '320px' },
      // "Show code": the story's markup alone (not the page around it), with the lines that load the components.
      source: { excludeDecorators: true, transform: (code: string) => (code.includes('<ar-') ? snippet(code, booleanAttributes) : code) },
    },
    options: {
      storySort: { order: ['Start here', 'Components', ['Font size', 'Contrast toggle', 'Rating', 'Related articles'], 'Pages'] },
    },
  },
};

export default preview;
