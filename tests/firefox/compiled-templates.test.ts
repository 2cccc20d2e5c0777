/**
 * The extension's Lit templates, compiled at build time (extension/build/), render exactly what Lit renders
 * from the same template by parsing it: same nodes, same attributes, properties and listeners where the
 * bindings are, in Firefox and in Chromium. Every `html` template of the sources the extension bundles is
 * checked, with a distinct value in each binding.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlTemplatesIn } from '../../extension/build/compile-lit-templates';
import { compileTemplate, type TemplateSpec } from '../../extension/build/template-compiler';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { inPage, type InPage } from '../support/reader-probes';
import { firefoxPath } from '../support/firefox';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES = ['packages/components/src', 'packages/retrofit/src', 'extension'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return f === 'build' || f === 'node_modules' ? [] : files(path);
    return /\.ts$/.test(f) && !/\.(test|stories)\.ts$/.test(f) ? [path] : [];
  });
}

const templates = SOURCES.flatMap((dir) => files(join(ROOT, dir))).flatMap((file) =>
  htmlTemplatesIn(readFileSync(file, 'utf8'), file).map((strings) => ({ where: file.slice(ROOT.length), strings, spec: compileTemplate(strings) })),
);

/** A page that has lit-html and the extension's run-time half of compiled templates, as modules. */
async function serveLit(): Promise<{ url: string; close: () => void }> {
  // The package's folder (its package.json is not exported): up from its entry point.
  let litDir = dirname(createRequire(import.meta.url).resolve('lit-html'));
  while (!existsSync(join(litDir, 'package.json')) || JSON.parse(readFileSync(join(litDir, 'package.json'), 'utf8')).name !== 'lit-html') litDir = dirname(litDir);
  const runtime = ts.transpileModule(readFileSync(join(ROOT, 'extension/lib/compiled-template.ts'), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  }).outputText;
  const page = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>templates</title>
<script type="importmap">{"imports": {"lit-html/": "/lit-html/", "lit-html": "/lit-html/lit-html.js"}}</script>
<script type="module">
import { render } from 'lit-html';
import { compiledTemplate } from '/runtime.js';
window.compare = (strings, spec) => {
  const values = spec.parts.map((p, i) => p.type === 2 ? 'text' + i : p.type === 6 ? undefined : p.kind === '?' ? true : p.kind === '@' ? () => (window.fired[i] = (window.fired[i] ?? 0) + 1) : 'value' + i);
  const outcome = (result) => {
    window.fired = {};
    const box = document.createElement('div');
    document.body.append(box);
    render(result, box);
    const properties = spec.parts.filter((p) => p.type === 1 && p.kind === '.').map((p) => [...box.querySelectorAll('*')].map((el) => el[p.name]));
    for (const p of spec.parts) if (p.type === 1 && p.kind === '@') for (const el of box.querySelectorAll('*')) el.dispatchEvent(new Event(p.name));
    const out = { html: box.innerHTML.replace(/lit\\$\\d+\\$/g, ''), properties, fired: { ...window.fired } };
    box.remove();
    return out;
  };
  const tsa = Object.assign([...strings], { raw: [...strings] });
  return { parsed: outcome({ ['_$litType$']: 1, strings: tsa, values }), compiled: outcome({ ['_$litType$']: compiledTemplate(spec, strings), values }) };
};
window.ready = true;
</script></head><body></body></html>`;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    if (path === '/runtime.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(runtime);
    if (path.startsWith('/lit-html/') && !path.includes('..')) {
      try {
        return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(litDir, path.slice('/lit-html/'.length))));
      } catch {
        // Falls through to 404.
      }
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, close: () => server.close() };
}

type Outcome = { html: string; properties: unknown[][]; fired: Record<string, number> };
const compare = (page: InPage, strings: string[], spec: TemplateSpec) =>
  inPage(page, ([s, t]) => (window as unknown as { compare: (s: string[], t: TemplateSpec) => { parsed: Outcome; compiled: Outcome } }).compare(s, t), [strings, spec] as const);

let site: Awaited<ReturnType<typeof serveLit>>;
beforeAll(async () => {
  site = await serveLit();
});
afterAll(() => site?.close());

describe('compiled Lit templates', { timeout: 120_000 }, () => {
  it('every html template of the extension’s sources is found and compiles', () => {
    // The four components' templates, the heading levels of related-articles included.
    expect(templates.length).toBeGreaterThanOrEqual(20);
    expect(new Set(templates.map((t) => t.where.split('/').slice(0, 4).join('/')))).toEqual(
      new Set(['packages/components/src/font-size', 'packages/components/src/contrast-toggle', 'packages/components/src/rating', 'packages/components/src/related-articles']),
    );
  });

  it.each([
    ['Firefox', 'firefox'],
    ['Chromium', 'chromium'],
  ] as const)('render in %s exactly what Lit renders by parsing them', async (_, which) => {
    const browser =
      which === 'firefox'
        ? await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath, headless: true })
        : await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
    try {
      const page = await browser.newPage();
      await page.goto(site.url);
      for (let waited = 0; !(await inPage(page, () => (window as unknown as { ready?: boolean }).ready === true)); waited += 100) {
        if (waited > 15_000) throw new Error('the template page did not load');
        await new Promise((r) => setTimeout(r, 100));
      }
      for (const { where, strings, spec } of templates) {
        const { parsed, compiled } = await compare(page, strings, spec);
        expect(compiled, `${where}: \`${strings.join('${…}')}\``).toEqual(parsed);
        expect(parsed.html.length, where).toBeGreaterThan(0);
      }
    } finally {
      await browser.close();
    }
  });
});
