/**
 * The npm packages as a consumer gets them: `npm pack` of each, installed offline into a fresh project
 * (tests/packaging/consumer.ts), then every HTML example of the packages' READMEs on a plain page in Chromium,
 * the ES modules through a bundler, and the types through TypeScript. Needs `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { bundledPackages } from '../../scripts/notices/index.mjs';
import { serve } from '../support/static-server';
import { ROOT, htmlExamples, install, pack, writeConsumer, type Packed } from './consumer';

const SLOW = { timeout: 60_000 };
const temp = mkdtempSync(join(tmpdir(), 'arx-consumer-'));
const related = readFileSync(join(ROOT, 'stories/data/bai-viet-lien-quan.json'), 'utf8');
const article = readFileSync(join(ROOT, 'tests/fixtures/gov-pages/nukeviet45-default-news-detail.html'), 'utf8');
const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown> & { dependencies?: Record<string, string> };

let packed: Packed[];
let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  packed = pack(temp);
  writeConsumer(temp, packed);
  install(temp);
  site = await serve(temp, { '/api/related.json': related });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  site?.close();
  rmSync(temp, { recursive: true, force: true });
});

/** A plain page of the consumer's site, opened; everything the page logs as an error or fails to load is kept. */
async function open(name: string, html: string): Promise<{ page: Page; problems: string[] }> {
  writeFileSync(join(temp, name), html);
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  site.failures.length = 0;
  await page.goto(`${site.origin}/${name}`);
  return { page, problems };
}

const plainPage = (body: string) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Trang thử</title></head>
<body><main><h1>Trang thử</h1>
${body}
</main></body></html>`;

describe('the tarballs', () => {
  it('hold what a consumer needs and nothing of the build: dist, README, LICENSE, notices; no size report', () => {
    for (const p of packed) {
      const dir = `packages/${p.name.split('/')[1]}/`;
      const manifest = json(`${dir}package.json`) as { exports: Record<string, string | { default: string; types: string }> };
      expect(p.files, p.name).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/THIRD_PARTY_NOTICES.txt']));
      expect(p.files.filter((f) => !f.startsWith('dist/') && !['LICENSE', 'README.md', 'package.json'].includes(f)), p.name).toEqual([]);
      expect(p.files, p.name).not.toContain('dist/size-report.json');
      // Every file the package's exports name is in it.
      for (const target of Object.values(manifest.exports).flatMap((e) => (typeof e === 'string' ? [e] : [e.default, e.types]))) {
        expect(p.files, `${p.name}: ${target}`).toContain(target.replace(/^\.\//, ''));
      }
    }
    // The one-file engine loads its second file from beside itself: both ship.
    expect(packed.find((p) => p.name === '@accessible-reader/retrofit')!.files).toEqual(expect.arrayContaining(['dist/accessible-reader-retrofit.js', 'dist/accessible-reader-reader.js']));
  });

  it('say where they come from and how to publish them: repository, public access, MIT, dependencies by range', () => {
    const root = json('package.json') as { repository: { url: string } };
    expect(root.repository.url).toMatch(/^git\+https:\/\/.+\.git$/);
    for (const p of packed) {
      const dir = `packages/${p.name.split('/')[1]}`;
      const manifest = json(`${dir}/package.json`);
      expect(manifest.repository, p.name).toEqual({ type: 'git', url: root.repository.url, directory: dir });
      expect(manifest.publishConfig, p.name).toEqual({ access: 'public' });
      expect(manifest.license, p.name).toBe('MIT');
      for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
        // Our own packages move in lockstep; anything else by a caret range, so a consumer's npm keeps one copy.
        expect(range, `${p.name} -> ${name}`).toMatch(name.startsWith('@accessible-reader/') ? /^\d+\.\d+\.\d+$/ : /^\^\d+\.\d+\.\d+$/);
      }
    }
  });

  it('the retrofit ES modules import their dependencies and carry no copy of them', () => {
    const dist = join(temp, 'node_modules/@accessible-reader/retrofit/dist');
    const esm = readdirSync(dist).filter((f) => f.endsWith('.js') && !f.startsWith('accessible-reader-'));
    const code = esm.map((f) => readFileSync(join(dist, f), 'utf8')).join('\n');
    for (const name of Object.keys(json('packages/retrofit/package.json').dependencies!)) expect(code).toContain(`from "${name}"`);
    expect(code).not.toContain('First argument to Readability constructor');
    expect(code).not.toContain('Invalid integral part');
    expect(code).not.toContain('litHtmlVersions');
  });
});

describe('on a plain page, installed from the tarballs', () => {
  const examples = htmlExamples('packages/components/README.md');
  const root = htmlExamples('README.md');
  /** Every README example that puts components on a page, and every one that runs the one-file engine. */
  const componentExamples = [...examples.map((html, i) => [`components README, example ${i + 1}`, html]), ...root.filter((html) => html.includes('<ar-')).map((html) => ['root README', html])];
  const engineExamples = [...htmlExamples('packages/retrofit/README.md').map((html) => ['retrofit README', html]), ...root.filter((html) => html.includes('accessible-reader-retrofit.js')).map((html) => ['root README', html])];

  it('the READMEs have their page examples: the one-file module and the import map; the one-file engine', () => {
    expect(componentExamples.length).toBeGreaterThanOrEqual(3);
    expect(engineExamples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(componentExamples.map(([where, html], i) => [where, i, html]))('%s: every ar-* tag renders, nothing fails', async (_where, i, html) => {
    const { page, problems } = await open(`components-${i}.html`, plainPage(html as string));
    const tags = [...new Set((html as string).match(/<ar-[a-z-]+/g)!.map((t) => t.slice(1)))];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) {
      await page.waitForFunction((t) => !!customElements.get(t) && !!document.querySelector(t)?.shadowRoot?.querySelector('button, a, input'), tag, { timeout: 10_000 });
    }
    // The themes' stylesheet arrived.
    expect(await page.evaluate(() => [...document.styleSheets].some((s) => s.href?.endsWith('contrast.css')))).toBe(true);
    if (tags.includes('ar-related-articles')) {
      await expect.poll(() => page.evaluate(() => document.querySelector('ar-related-articles')!.shadowRoot!.querySelectorAll('a[href]').length)).toBeGreaterThan(2);
    }
    // A+ works: the text grows.
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    await page.locator('ar-font-size').getByRole('button', { name: /A\+/ }).click();
    await expect.poll(() => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThan(before);
    expect(problems).toEqual([]);
    expect(site.failures).toEqual([]);
    await page.close();
  }, SLOW.timeout);

  it.each(engineExamples.map(([where, html], i) => [where, i, html]))('%s, the one-file engine on an article: toolbar, then the reader view from its second file', async (_where, i, html) => {
    const { page, problems } = await open(`article-${i}.html`, article.replace('</body>', `${html}\n</body>`));
    await page.waitForFunction(() => !!document.querySelector('[data-ar-toolbar]'), null, { timeout: 10_000 });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.evaluate(() => (window as unknown as { AccessibleReader: { openReader(d: Document): Promise<unknown> } }).AccessibleReader.openReader(document));
    expect(requested).toContain('/node_modules/@accessible-reader/retrofit/dist/accessible-reader-reader.js');
    await expect.poll(() => page.getByRole('button', { name: /Xem trang gốc/ }).first().isVisible()).toBe(true);
    expect(problems).toEqual([]);
    expect(site.failures).toEqual([]);
    await page.close();
  }, SLOW.timeout);

  it('the components README gives the one-file module\'s size as built', () => {
    const claim = /One ES module with Lit inside \(about (\d+) KB gzip\)/.exec(readFileSync(join(ROOT, 'packages/components/README.md'), 'utf8'));
    expect(claim).not.toBeNull();
    const actual = gzipSync(readFileSync(join(temp, 'node_modules/@accessible-reader/components/dist/cdn/accessible-reader.js'))).length / 1024;
    expect(Math.abs(Number(claim![1]) - actual)).toBeLessThan(1);
  });
});

describe('through a bundler and TypeScript, installed from the tarballs', () => {
  it('one copy of Lit and of Readability in a consumer bundle of the retrofit entry and the components; it runs', async () => {
    writeFileSync(
      join(temp, 'app.js'),
      `import { retrofit, extract } from '@accessible-reader/retrofit';
import { ArRating } from '@accessible-reader/components';
const session = retrofit(document, { fontScale: 1.5, toolbar: true });
window.result = { title: extract(document)?.title ?? null, found: session.article?.title ?? null, rating: customElements.get('ar-rating') === ArRating };
`,
    );
    const bundled = bundledPackages();
    // A consumer's `vite build` resolves packages' production files; here NODE_ENV is Vitest's, so say it.
    const config = { configFile: false as const, logLevel: 'silent' as const, root: temp, resolve: { conditions: ['module', 'browser', 'production'] }, build: { outDir: 'bundled', minify: false, lib: { entry: join(temp, 'app.js'), formats: ['es' as const], fileName: () => 'app.js' } } };
    const result = (await build(bundled.with(config))) as { output: { type: string; code?: string }[] }[];
    const code = [result].flat()[0]!.output.filter((o) => o.type === 'chunk').map((o) => o.code).join('\n');
    // Each package once (no second folder of the same name), and no copy of any inside ours.
    const names = [...bundled.outputs.values()].flatMap((dirs) => [...dirs]).map((dir) => dir.split('/node_modules/').pop());
    expect(names.sort()).toEqual(['@accessible-reader/components', '@accessible-reader/retrofit', '@lit/reactive-element', '@mozilla/readability', 'lit-element', 'lit-html', 'read-vietnamese-number']);
    expect(code.match(/litHtmlVersions/g)).toHaveLength(1);
    expect(code.match(/First argument to Readability constructor/g)).toHaveLength(1);
    expect(code.match(/Invalid integral part/g)).toHaveLength(1);
    const { page, problems } = await open('bundled.html', article.replace('</body>', '<script type="module" src="/bundled/app.js"></script>\n</body>'));
    await page.waitForFunction(() => 'result' in window, null, { timeout: 10_000 });
    const got = await page.evaluate(() => (window as unknown as { result: { title: string; found: string; rating: boolean } }).result);
    expect(got.title).toBeTruthy();
    expect(got.found).toBe(got.title);
    expect(got.rating).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, SLOW.timeout);

  it('the types check in a strict TypeScript project', () => {
    writeFileSync(
      join(temp, 'check.ts'),
      `import { retrofit, resolveSettings, type RetrofitSession } from '@accessible-reader/retrofit';
import { resolveSettings as fromSettings } from '@accessible-reader/retrofit/settings.js';
import { define, ArFontSize } from '@accessible-reader/components';
const session: RetrofitSession = retrofit(document, { fontScale: 2, contrast: 'high' });
const title: string | undefined = session.article?.title;
define('my');
const size: typeof ArFontSize = ArFontSize;
console.log(title, size, resolveSettings({ fontScale: 9 }).fontScale, fromSettings({}).contrast);
`,
    );
    writeFileSync(join(temp, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom', 'dom.iterable'], types: [], skipLibCheck: false }, files: ['check.ts'] }));
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', join(temp, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  }, SLOW.timeout);
});
