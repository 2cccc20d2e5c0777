/**
 * A Vite plugin for the extension's bundles: every Lit `html` template of our sources is compiled at build time
 * (template-compiler.ts), and lit-html's run-time template parser, the one `innerHTML` in its code, is taken
 * out. The extension then parses no markup at run time, in the content script or in its pages: `web-ext lint`
 * has no `innerHTML` to warn about because there is none, and a page's Trusted Types policy has no sink of
 * ours to block.
 *
 * `html\`<p>${x}</p>\`` becomes `{ ['_$litType$']: __arTemplate0, values: [x] }`, a compiled template result
 * (the form @lit-labs/compiler emits), with `__arTemplate0` made once at module level. A template this cannot
 * compile stops the build with a message naming the file.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { Plugin } from 'vite';
import { compileTemplate } from './template-compiler';

const RUNTIME = fileURLToPath(new URL('../lib/compiled-template.ts', import.meta.url));
const LIT_MODULES = new Set(['lit', 'lit-html', 'lit-element']);
/** lit-html's `Template.createElement` as the package ships it (3.3.x, minified). */
const LIT_PARSER = /static createElement\((\w+),\s*\w+\)\s*\{\s*const (\w+)\s*=\s*\w+\.createElement\("template"\);\s*return \2\.innerHTML\s*=\s*\1,\s*\2;?\s*\}/g;

export function compileLitTemplates(): Plugin {
  return {
    name: 'accessible-reader:compile-lit-templates',
    transform(code, id) {
      const file = id.split('?')[0]!.replaceAll('\\', '/');
      if (/\/node_modules\/lit-html\/lit-html\.js$/.test(file)) return withoutParser(code, file);
      if (file.includes('/node_modules/') || !/\.[cm]?[jt]sx?$/.test(file) || !code.includes('html`')) return null;
      return compileFile(code, file);
    },
  };
}

function withoutParser(code: string, file: string): string {
  const matches = code.match(LIT_PARSER) ?? [];
  if (matches.length !== 1) throw new Error(`Accessible Reader: lit-html's Template.createElement was not found in ${file} (a new Lit version?): update compile-lit-templates.ts.`);
  const out = code.replace(
    LIT_PARSER,
    'static createElement(){throw Error("Accessible Reader: a Lit template was not compiled at build time (extension/build/compile-lit-templates.ts).")}',
  );
  if (out.includes('innerHTML')) throw new Error(`Accessible Reader: lit-html still sets innerHTML in ${file}.`);
  return out;
}

/** The local names under which `html` is imported from Lit in `source`. */
function litHtmlTags(source: ts.SourceFile): Set<string> {
  const tags = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !LIT_MODULES.has(statement.moduleSpecifier.text)) continue;
    const named = statement.importClause?.namedBindings;
    if (named && ts.isNamedImports(named)) for (const el of named.elements) if ((el.propertyName ?? el.name).text === 'html') tags.add(el.name.text);
  }
  return tags;
}

const parse = (code: string, file: string) => ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
const isLitHtml = (node: ts.Node, tags: Set<string>): node is ts.TaggedTemplateExpression => ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && tags.has(node.tag.text);
/** The static strings of a template literal, cooked (as the tag function receives them). */
const stringsOf = (t: ts.TemplateLiteral) => (ts.isNoSubstitutionTemplateLiteral(t) ? [t.text] : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)]);

/** The static strings of every Lit `html` template in a module's source (for the tests). */
export function htmlTemplatesIn(code: string, file: string): string[][] {
  const source = parse(code, file);
  const tags = litHtmlTags(source);
  const found: string[][] = [];
  const visit = (node: ts.Node): void => {
    if (isLitHtml(node, tags)) found.push(stringsOf(node.template));
    ts.forEachChild(node, visit);
  };
  if (tags.size) visit(source);
  return found;
}

function compileFile(code: string, file: string): { code: string; map: null } | null {
  const source = parse(code, file);
  const tags = litHtmlTags(source);
  if (!tags.size) return null;

  const declarations: string[] = [];
  const transformer: ts.TransformerFactory<ts.SourceFile> = (context) => {
    const f = context.factory;
    const visit = (node: ts.Node): ts.Node => {
      if (!isLitHtml(node, tags)) return ts.visitEachChild(node, visit, context);
      const t = node.template;
      const strings = stringsOf(t);
      const values = ts.isNoSubstitutionTemplateLiteral(t) ? [] : t.templateSpans.map((s) => ts.visitNode(s.expression, visit) as ts.Expression);
      let spec;
      try {
        spec = compileTemplate(strings);
      } catch (error) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        throw new Error(`${file}:${line + 1}: ${(error as Error).message}`, { cause: error });
      }
      const name = `__arTemplate${declarations.length}`;
      declarations.push(`const ${name} = __arCompiledTemplate(${JSON.stringify(spec)}, ${JSON.stringify(strings)});`);
      return f.createObjectLiteralExpression([
        f.createPropertyAssignment(f.createComputedPropertyName(f.createStringLiteral('_$litType$')), f.createIdentifier(name)),
        f.createPropertyAssignment('values', f.createArrayLiteralExpression(values)),
      ]);
    };
    return (sf) => ts.visitNode(sf, visit) as ts.SourceFile;
  };
  const result = ts.transform(source, [transformer]);
  const printed = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed }).printFile(result.transformed[0]!);
  result.dispose();
  if (!declarations.length) return null;
  // Imports are hoisted, so the templates can be made before the module's own code runs.
  const header = [`import { compiledTemplate as __arCompiledTemplate } from ${JSON.stringify(RUNTIME)};`, ...declarations].join('\n');
  return { code: `${header}\n${printed}`, map: null };
}
