/// <reference types="vite/client" />
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { resetDocument, withPage } from './page';
import './preview.css';
// The package's themes: toolbar contrast switch, <ar-contrast-toggle> and the high-contrast article all use it.
import '../packages/components/src/contrast-toggle/contrast.css';

/** The tags every story is audited against: WCAG 2.0 / 2.1 / 2.2 A and AA, plus axe best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface ManifestMember {
  name: string;
  kind?: string;
  privacy?: string;
  fieldName?: string;
}
interface ManifestDeclaration {
  name: string;
  customElement?: boolean;
  tagName?: string;
  members?: ManifestMember[];
  attributes?: ManifestMember[];
}
interface Manifest {
  modules: { declarations?: ManifestDeclaration[] }[];
}

/**
 * custom-elements.json is a build output (`npm run build`), so it is looked up rather than imported: a Storybook
 * started before the first build still opens, with a console warning and without the API tables.
 */
const found = import.meta.glob<Manifest>('../packages/components/dist/custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(found)[0];
if (manifest) setCustomElementsManifest(forDocs(manifest));
else console.warn('Accessible Reader Storybook: run `npm run build` to generate custom-elements.json for the API tables.');

/**
 * The API tables show what a page author can use. Tags are registered by `defineElement()` calls the analyzer
 * cannot see, so a declaration without `tagName` gets it from its class name (ArFontSize -> ar-font-size), and
 * private/protected fields (internal Lit state) are left out of the tables.
 */
function forDocs(source: Manifest): Manifest {
  const copy = structuredClone(source);
  for (const declaration of copy.modules.flatMap((m) => m.declarations ?? [])) {
    if (!declaration.customElement) continue;
    declaration.tagName ??= declaration.name.replace(/(?<=[a-z0-9])([A-Z])/g, '-$1').toLowerCase();
    const hidden = new Set((declaration.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected').map((m) => m.name));
    declaration.members = declaration.members?.filter((m) => !hidden.has(m.name));
    declaration.attributes = declaration.attributes?.filter((a) => !hidden.has(a.fieldName ?? a.name));
  }
  return copy;
}

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
    docs: { toc: true, story: { inline: false, height: '320px' } },
    options: {
      storySort: { order: ['Start here', 'Components', ['Font size', 'Contrast toggle', 'Rating', 'Related articles'], 'Pages'] },
    },
  },
};

export default preview;
