/**
 * The API tables of the docs pages, from the package's custom-elements.json: what a page author can use, with
 * the default each attribute really has.
 */

interface ManifestMember {
  name: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  fieldName?: string;
  attribute?: string;
  default?: string;
  description?: string;
  type?: { text: string };
}
interface ManifestDeclaration {
  name: string;
  customElement?: boolean;
  tagName?: string;
  members?: ManifestMember[];
  attributes?: ManifestMember[];
}
export interface Manifest {
  modules: { declarations?: ManifestDeclaration[] }[];
}

/** How a default reads in the table: as it would be written in JavaScript (`"high"`, `10000`, `false`). */
const shown = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : value === undefined ? 'undefined' : JSON.stringify(value));

/**
 * The manifest as the docs show it. Tags are registered by `defineElement()` calls the analyzer cannot see, so
 * a declaration without `tagName` gets it from its class name (ArFontSize -> ar-font-size). Left out: private
 * and protected members (Lit state), static ones (`formAssociated`), methods, `lang` (the global HTML attribute,
 * explained on each guide page), and the property behind an attribute (its row is the attribute's, which names
 * the property). Defaults come from a new element of the registered class, so a table cannot disagree with the
 * code: the analyzer misses those set in a constructor and prints `10_000` as written.
 */
export function forDocs(source: Manifest, registry: CustomElementRegistry = customElements): Manifest {
  const copy = structuredClone(source);
  for (const declaration of copy.modules.flatMap((m) => m.declarations ?? [])) {
    if (!declaration.customElement) continue;
    declaration.tagName ??= declaration.name.replace(/(?<=[a-z0-9])([A-Z])/g, '-$1').toLowerCase();
    const Element = registry.get(declaration.tagName);
    const fresh = Element ? (new Element() as unknown as Record<string, unknown>) : undefined;
    const internal = (m: ManifestMember) => m.privacy === 'private' || m.privacy === 'protected' || m.static || m.kind === 'method' || m.name === 'lang';
    const hidden = new Set((declaration.members ?? []).filter(internal).map((m) => m.name));
    const withAttribute = new Set((declaration.attributes ?? []).map((a) => a.fieldName ?? a.name));
    const defaultOf = (field: string, fallback?: string) => (fresh && field in fresh ? shown(fresh[field]) : fallback);
    declaration.members = declaration.members
      ?.filter((m) => !hidden.has(m.name) && !withAttribute.has(m.name))
      .map((m) => ({ ...m, default: defaultOf(m.name, m.default) }));
    declaration.attributes = declaration.attributes
      ?.filter((a) => !hidden.has(a.fieldName ?? a.name))
      .map((a) => {
        const field = a.fieldName ?? a.name;
        const member = source.modules.flatMap((m) => m.declarations ?? []).find((d) => d.name === declaration.name)?.members?.find((m) => m.name === field);
        const description = a.description ?? member?.description ?? '';
        return {
          ...a,
          default: defaultOf(field, a.default),
          description: field === a.name ? description : `${description} Property: \`${field}\`.`.trim(),
        };
      });
  }
  return copy;
}
