// `npm run bench`: the engine against the tools people use instead, on the same pages in the same browser.
//
//   node tests/bench/run.mjs        RUNS=5 (default), SIZES=1000,10000,50000, CHROMIUM_PATH=/usr/bin/chromium
//
// Needs the builds: `npm run build` (components, engine bundle, extension). Missing parts are reported as
// "not available" rather than failing. Writes bench-results/report.md and bench-results/report.json.
//
// Main-thread cost is read from the browser's own counters (CDP Performance.getMetrics: TaskDuration,
// ScriptDuration, RecalcStyleDuration, LayoutDuration) before and after each operation. The operation's window
// ends when style, layout and paint have happened and the page has been quiet (no DOM change, browser idle),
// so asynchronous work (Dark Reader's stylesheet processing, our idle-time measurement) is counted too.
// Each run uses a fresh page; engines alternate within a run; medians are reported.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { benchPages } from './pages.mjs';
import { benchExtensionCost, STORED } from './extension-cost.mjs';
import { benchSpeech } from './speech.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const at = (p) => join(ROOT, p);
const require = createRequire(import.meta.url);
const RUNS = Number(process.env.RUNS ?? 5);
const SIZES = (process.env.SIZES ?? '1000,10000,50000').split(',').map(Number);
/** Which parts to run: contrast, engine, extraction, content, speech (all by default). */
const SECTIONS = new Set((process.env.SECTIONS ?? 'contrast,engine,extraction,content,speech').split(','));
const SAMPLES = process.env.SAMPLES !== '0';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// The flags of tests/support/chromium.ts.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const BUNDLE = at('packages/retrofit/dist/accessible-reader-retrofit.js');
const DARK = require.resolve('darkreader/darkreader.js');
const READABILITY = require.resolve('@mozilla/readability/Readability.js');
const EXT_DIR = at('.output/chrome-mv3');
const IN_PAGE = readFileSync(new URL('./in-page.js', import.meta.url), 'utf8');
const GOV_HOST = 'bench.phuong-test.gov.vn';
const OUT = at('bench-results');
const started = Date.now();

const median = (list) => {
  const s = list.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
/**
 * Median over runs of a / b, each run's pair measured minutes apart at most (the engines alternate within a
 * run): steadier than a ratio of medians on a machine whose load changes. `off` is taken off both sides.
 */
const paired = (a = [], b = [], off = []) => median(a.map((x, i) => ratio(x.task - (off[i]?.task ?? 0), (b[i]?.task ?? NaN) - (off[i]?.task ?? 0))));
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
const x = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}x` : 'n/a');
const log = (...a) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s]`, ...a);

if (!existsSync(BUNDLE)) console.warn(`No engine bundle (${BUNDLE}): run \`npm run build -w @accessible-reader/retrofit\`. Engine rows will be missing.`);
const bundleSource = existsSync(BUNDLE) ? readFileSync(BUNDLE, 'utf8') : '';
// The bundle's second file (extraction with Readability, the reader view, read-aloud), which it loads on first use.
const READER = at('packages/retrofit/dist/accessible-reader-reader.js');
const readerSource = existsSync(READER) ? readFileSync(READER, 'utf8') : '';

// ---------------------------------------------------------------------------------------------------------
// Pages, served over HTTP so that they have a real origin (Dark Reader fetches, the extension matches hosts).
const pages = benchPages(SIZES).filter((p) => SAMPLES || !p.name.startsWith('sample-'));
const byName = new Map(pages.map((p) => [`/${p.name}.html`, p.html]));
const server = createServer((req, res) => {
  const body = byName.get((req.url ?? '/').split('?')[0]);
  if (!body) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const PORT = server.address().port;
const urlOf = (page, host = '127.0.0.1') => `http://${host}:${PORT}/${page.name}.html`;

// ---------------------------------------------------------------------------------------------------------
async function metrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}
/** Milliseconds of main-thread task, script, style and layout between two metric snapshots. */
const delta = (a, b) => ({ task: (b.TaskDuration - a.TaskDuration) * 1000, script: (b.ScriptDuration - a.ScriptDuration) * 1000, style: (b.RecalcStyleDuration - a.RecalcStyleDuration) * 1000, layout: (b.LayoutDuration - a.LayoutDuration) * 1000 });

let browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
let context = await browser.newContext({ viewport: { width: 1280, height: 900 } });

/** A fresh page with `page` loaded and the given scripts in it, settled. */
async function open(page, { engine = false, dark = false, readability = false } = {}) {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.goto(urlOf(page), { waitUntil: 'load', timeout: 120_000 });
  await tab.addScriptTag({ content: IN_PAGE });
  if (engine && bundleSource) await tab.addScriptTag({ content: bundleSource });
  if (dark) {
    await tab.addScriptTag({ path: DARK });
    await tab.evaluate(() => window.DarkReader.setFetchMethod(window.fetch));
  }
  if (readability) await tab.addScriptTag({ path: READABILITY });
  // Setup, not measured: a short quiet period is enough.
  await tab.evaluate(() => window.__bench.settle({ quiet: 100 }));
  return { tab, cdp, errors, close: () => tab.close() };
}

/**
 * Runs `fn(arg)` in the page (it returns the synchronous script time it measured itself), then waits for the
 * page to settle, and returns that time with the main-thread deltas over the whole window.
 */
async function timed(opened, fn, arg, settle = { quiet: 200 }) {
  const m0 = await metrics(opened.cdp);
  const sync = await opened.tab.evaluate(
    async ([source, a, s]) => {
      const f = new Function(`return (${source})`)();
      // Run from a task of the page's own (a timer), as a click or a content script would: code run by the
      // DevTools protocol's evaluate is not counted in ScriptDuration.
      const sync = await new Promise((resolve) =>
        setTimeout(() => {
          const t0 = performance.now();
          f(a);
          resolve(performance.now() - t0);
        }, 0),
      );
      await window.__bench.settle(s);
      return sync;
    },
    [fn.toString(), arg, settle],
  );
  const m1 = await metrics(opened.cdp);
  return { sync, ...delta(m0, m1) };
}

// The operations, as plain functions evaluated in the page.
const OPS = {
  noop: () => {},
  floor: () => {
    const s = document.createElement('style');
    s.textContent = '*{color:#000!important;background-color:#fff!important}';
    document.head.append(s);
  },
  darkreader: () => window.DarkReader.enable({ brightness: 100, contrast: 100, sepia: 0 }),
  ourRetrofitHigh: () => (window.__session = window.AccessibleReader.retrofit(document, { contrast: 'high' })),
  ourRetrofit: () => (window.__session = window.AccessibleReader.retrofit(document)),
  update: (partial) => window.__session.update(partial),
  undo: () => window.__session.undo(),
};

const results = { meta: {}, contrast: {}, engine: {}, extraction: {}, contentScript: {}, sizes: {} };
results.meta = {
  date: new Date().toISOString(),
  chromium: execSync(`${CHROMIUM} --version 2>/dev/null || true`).toString().trim().split('\n').pop(),
  cpus: cpus().length,
  loadBefore: loadavg()[0],
  runs: RUNS,
  darkreader: JSON.parse(readFileSync(require.resolve('darkreader/package.json'), 'utf8')).version,
  readability: JSON.parse(readFileSync(require.resolve('@mozilla/readability/package.json'), 'utf8')).version,
};

// ---------------------------------------------------------------------------------------------------------
// (a)(b)(c) Contrast high: this engine vs Dark Reader vs the one-rule floor, fresh page per run, alternating.
const VARIANTS = {
  'engine: retrofit({contrast:high})': { open: { engine: true }, op: OPS.ourRetrofitHigh },
  'engine: update off -> high': { open: { engine: true }, before: OPS.ourRetrofit, op: OPS.update, arg: { contrast: 'high' } },
  'Dark Reader enable()': { open: { dark: true }, op: OPS.darkreader },
  'floor: one universal rule': { open: {}, op: OPS.floor },
  'nothing (measurement overhead)': { open: {}, op: OPS.noop },
};
for (const page of SECTIONS.has('contrast') ? pages : []) {
  const row = (results.contrast[page.name] = { elements: 0, runs: {}, text: {} });
  {
    const o = await open(page);
    row.elements = await o.tab.evaluate(() => document.getElementsByTagName('*').length);
    row.text['page as is'] = await o.tab.evaluate(() => window.__bench.textContrast());
    await o.close();
  }
  // The measurement's own cost is a few ms: not worth 25 more loads of the biggest page, where it is < 1 %.
  const names = Object.keys(VARIANTS).filter((n) => (bundleSource || !n.startsWith('engine')) && !(n.startsWith('nothing') && page.target >= 50_000));
  for (let run = 0; run < RUNS; run++) {
    const order = names.map((_, i) => names[(i + run) % names.length]);
    for (const name of order) {
      const v = VARIANTS[name];
      const o = await open(page, v.open);
      if (v.before) await timed(o, v.before);
      const t = await timed(o, v.op, v.arg);
      (row.runs[name] ??= []).push(t);
      if (run === 0 && name !== 'nothing (measurement overhead)') row.text[name] = await o.tab.evaluate(() => window.__bench.textContrast());
      if (o.errors.length) (row.errors ??= []).push(`${name}: ${o.errors.join('; ')}`);
      await o.close();
    }
  }
  row.runs['nothing (measurement overhead)'] ??= Array.from({ length: RUNS }, () => ({ sync: 0, task: 0, script: 0, style: 0, layout: 0 }));
  row.median = Object.fromEntries(Object.entries(row.runs).map(([n, list]) => [n, Object.fromEntries(['sync', 'task', 'script', 'style', 'layout'].map((k) => [k, median(list.map((t) => t[k]))]))]));
  const m = row.median;
  log(`contrast ${page.name} (${row.elements} el): task ms engine ${ms(m['engine: retrofit({contrast:high})']?.task)} / update ${ms(m['engine: update off -> high']?.task)} | Dark Reader ${ms(m['Dark Reader enable()'].task)} | floor ${ms(m['floor: one universal rule'].task)} | overhead ${ms(m['nothing (measurement overhead)'].task)}`);
}

// ---------------------------------------------------------------------------------------------------------
// (d) retrofit(), each update(), undo, per size; growth with page size.
const STEPS = [
  ['retrofit() defaults', OPS.ourRetrofit],
  ['update fontScale 1 -> 2', OPS.update, { fontScale: 2 }],
  ['update contrast off -> high', OPS.update, { contrast: 'high' }],
  ['update spacing off -> wcag', OPS.update, { spacing: 'wcag' }],
  ['update hideClutter -> true', OPS.update, { hideClutter: true }],
  ['undo()', OPS.undo],
];
if (bundleSource && SECTIONS.has('engine')) {
  // Per page size: the generated pages (the sample pages are in the contrast and extraction parts).
  for (const page of pages.filter((p) => p.name.startsWith('generated-'))) {
    const row = (results.engine[page.name] = { runs: {}, undoIdentical: true, platform: '' });
    for (let run = 0; run < RUNS; run++) {
      const o = await open(page, { engine: true });
      // The whole document serialised (same as outerHTML for this purpose), before and after undo.
      const before = await o.tab.evaluate(() => new XMLSerializer().serializeToString(document.documentElement));
      for (const [name, fn, arg] of STEPS) (row.runs[name] ??= []).push(await timed(o, fn, arg, { quiet: 120 }));
      // Everything on at once, as the extension starts on a page where the reader saved all settings.
      const all = await timed(o, (s) => (window.__session = window.AccessibleReader.retrofit(document, s)), { fontScale: 2, contrast: 'high', spacing: 'wcag', font: 'legible', hideClutter: true, toolbar: true }, { quiet: 120 });
      (row.runs['retrofit() everything on'] ??= []).push(all);
      row.platform = await o.tab.evaluate(() => window.__session.article?.platform ?? 'none');
      (row.runs['undo() everything on'] ??= []).push(await timed(o, OPS.undo, undefined, { quiet: 120 }));
      const after = await o.tab.evaluate(() => new XMLSerializer().serializeToString(document.documentElement));
      row.undoIdentical &&= after === before;
      if (o.errors.length) (row.errors ??= []).push(...o.errors);
      await o.close();
    }
    row.median = Object.fromEntries(Object.entries(row.runs).map(([n, list]) => [n, Object.fromEntries(['sync', 'task', 'script', 'style', 'layout'].map((k) => [k, median(list.map((t) => t[k]))]))]));
    log(`engine ${page.name}: retrofit ${ms(row.median['retrofit() defaults'].sync)} ms script, updates ${STEPS.slice(1, -1).map(([n]) => ms(row.median[n].sync, 2)).join(' / ')} ms, undo ${ms(row.median['undo()'].sync)} ms`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// (e) Extraction: the engine's article finding (and extract() when the bundle has it) vs Readability.
for (const page of SECTIONS.has('extraction') ? pages : []) {
  const o = await open(page, { engine: !!bundleSource, readability: true });
  // Put beside the bundle by hand (the bundle here is inlined, so it cannot load it from its own folder).
  if (bundleSource && readerSource) await o.tab.addScriptTag({ content: readerSource });
  const r = await o.tab.evaluate(async (runs) => {
    // findArticle from the bundle; extract from the reader script, called directly (synchronous there).
    const AR = { findArticle: window.AccessibleReader?.findArticle, extract: window[Symbol.for('accessible-reader.reader')]?.extract };
    const out = { find: [], extract: [], readability: [], found: null, extracted: null, read: null };
    const time = (list, fn) => {
      const t0 = performance.now();
      const v = fn();
      list.push(performance.now() - t0);
      return v;
    };
    for (let i = 0; i < runs; i++) {
      const order = i % 2 ? ['readability', 'find', 'extract'] : ['find', 'extract', 'readability'];
      for (const what of order) {
        if (what === 'find' && AR?.findArticle) {
          const f = time(out.find, () => AR.findArticle(document));
          out.found = f ? { platform: f.article.platform, title: f.article.title, chars: (f.article.body.textContent || '').length } : null;
        } else if (what === 'extract' && typeof AR?.extract === 'function') {
          const e = time(out.extract, () => AR.extract(document));
          out.extracted = e ? { title: e.title, chars: (e.text || '').length } : null;
        } else if (what === 'readability') {
          // Readability changes the document it reads: it is given a clone, as browsers' reader modes do.
          const a = time(out.readability, () => new window.Readability(document.cloneNode(true)).parse());
          out.read = a ? { title: a.title, chars: (a.textContent || '').length } : null;
        }
        await new Promise((res) => setTimeout(res, 20));
      }
    }
    out.hasExtract = typeof AR?.extract === 'function';
    return out;
  }, RUNS);
  results.extraction[page.name] = { find: median(r.find), extract: r.hasExtract ? median(r.extract) : null, readability: median(r.readability), found: r.found, extracted: r.extracted, read: r.read, hasExtract: r.hasExtract };
  await o.close();
}
log('extraction done');
await context.close();
await browser.close();

// ---------------------------------------------------------------------------------------------------------
// (f) The built extension's cost to a reader, beside the floors (extension-cost.mjs): a load with stored 200 %
// and black on white, a load with nothing stored, one press of A+.
results.contentScript = existsSync(join(EXT_DIR, 'manifest.json')) && SECTIONS.has('content')
  ? await benchExtensionCost({
      chromiumPath: CHROMIUM,
      args: ARGS,
      extDir: EXT_DIR,
      pages: pages.filter((p) => ['generated-10k', 'generated-50k', 'sample-vhv', 'sample-nukeviet', 'sample-sharepoint'].includes(p.name)),
      runs: Math.min(RUNS, 3),
      inPage: IN_PAGE,
      log,
    })
  : null;
// (f2) The built-in voice: time to first sound after "Đọc to".
results.speech = existsSync(join(EXT_DIR, 'espeak')) && SECTIONS.has('speech')
  ? await benchSpeech({ executablePath: CHROMIUM, args: ARGS, extDir: EXT_DIR, url: urlOf(pages.find((p) => p.name === 'sample-vhv') ?? pages[0], GOV_HOST), host: GOV_HOST, runs: Math.min(RUNS, 3), log })
  : null;
server.close();

// ---------------------------------------------------------------------------------------------------------
// (g) gzip sizes.
const gz = (file) => (existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : null);
const sizeReport = existsSync(at('packages/components/dist/size-report.json')) ? JSON.parse(readFileSync(at('packages/components/dist/size-report.json'), 'utf8')) : [];
const contentDir = join(EXT_DIR, 'content-scripts');
results.sizes = {
  'components CDN bundle (Lit + 4 components)': { gzip: gz(at('packages/components/dist/cdn/accessible-reader.js')), budget: 14 * 1024 },
  ...Object.fromEntries(sizeReport.filter((r) => r.name.startsWith('<')).map((r) => [r.name, { gzip: r.gzipBytes, budget: r.budgetBytes }])),
  'engine bundle (accessible-reader-retrofit.js)': { gzip: gz(BUNDLE), budget: 40 * 1024 },
  ...Object.fromEntries((existsSync(contentDir) ? readdirSync(contentDir) : []).filter((f) => f.endsWith('.js')).map((f) => [`content script ${f}`, { gzip: gz(join(contentDir, f)), raw: readFileSync(join(contentDir, f)).length }])),
  'Dark Reader (darkreader.js, for comparison)': { gzip: gz(DARK) },
};
results.meta.loadAfter = loadavg()[0];
results.meta.seconds = Math.round((Date.now() - started) / 1000);

// ---------------------------------------------------------------------------------------------------------
// Report.
const md = [];
const table = (head, rows) => {
  md.push(`| ${head.join(' | ')} |`, `|${head.map((h, i) => (i ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), '');
};
const meta = results.meta;
md.push('# Benchmark: Accessible Reader vs Dark Reader, Readability and the one-rule floor', '');
md.push(`${meta.date}, ${meta.chromium}, headless, 1280x900; ${meta.cpus} CPUs shared with other work (load ${meta.loadBefore.toFixed(1)} -> ${meta.loadAfter.toFixed(1)}); medians of ${RUNS} runs, fresh page per run, engines alternating. Dark Reader ${meta.darkreader} (dynamic mode), Readability ${meta.readability}. Took ${meta.seconds} s.`, '');
md.push('Main-thread time = CDP `Performance.getMetrics` (thread CPU time: `timeDomain: threadTicks`, so time the thread waits for a busy CPU is not counted) TaskDuration between before the call and the page settled (style, layout, paint done; no DOM change for 200 ms; browser idle), so asynchronous work (Dark Reader\'s stylesheet processing, the engine\'s idle-time size measurement) is counted. "script" = ScriptDuration, "style" = RecalcStyleDuration, "layout" = LayoutDuration, in ms. "overhead" is the same measurement around nothing. Ratios are medians of per-run ratios (each run measures every engine on fresh pages, one after the other), with the overhead taken off both sides.', '');

md.push('## Contrast `high`: main-thread time', '');
const C = ['engine: retrofit({contrast:high})', 'engine: update off -> high', 'Dark Reader enable()', 'floor: one universal rule', 'nothing (measurement overhead)'];
table(
  ['page', 'elements', 'engine retrofit({contrast:high}) task (script/style/layout)', 'engine update off->high task (script/style/layout)', 'Dark Reader task (script/style/layout)', 'floor task (style/layout)', 'overhead', 'retrofit / floor', 'update / floor', 'Dark Reader / update', 'Dark Reader / retrofit'],
  Object.entries(results.contrast).map(([name, r]) => {
    const m = r.median;
    const e = m[C[0]];
    const u = m[C[1]];
    const d = m[C[2]];
    const f = m[C[3]];
    return [
      name,
      r.elements,
      e ? `${ms(e.task)} (${ms(e.script)}/${ms(e.style)}/${ms(e.layout)})` : 'n/a',
      u ? `${ms(u.task)} (${ms(u.script)}/${ms(u.style)}/${ms(u.layout)})` : 'n/a',
      `${ms(d.task)} (${ms(d.script)}/${ms(d.style)}/${ms(d.layout)})`,
      `${ms(f.task)} (${ms(f.style)}/${ms(f.layout)})`,
      r.runs[C[4]].every((t) => t.task === 0) ? 'not measured (< 1 %)' : ms(m[C[4]].task),
      x(paired(r.runs[C[0]], r.runs[C[3]], r.runs[C[4]])),
      x(paired(r.runs[C[1]], r.runs[C[3]], r.runs[C[4]])),
      x(paired(r.runs[C[2]], r.runs[C[1]], r.runs[C[4]])),
      x(paired(r.runs[C[2]], r.runs[C[0]], r.runs[C[4]])),
    ];
  }),
);
md.push('## Contrast `high`: text contrast achieved (every text element with text of its own, up to 4,000 sampled evenly)', '');
table(
  ['page', 'variant', 'min', 'median', '>= 7:1', '>= 4.5:1', 'worst'],
  Object.entries(results.contrast).flatMap(([name, r]) =>
    Object.entries(r.text).map(([v, t]) => [name, v, t.min.toFixed(2), t.median.toFixed(2), `${(t.at7 * 100).toFixed(1)} %`, `${(t.at45 * 100).toFixed(1)} %`, t.worst.slice(0, 1).join('').replace(/\|/g, '/') || '—']),
  ),
);

if (Object.keys(results.engine).length) {
  md.push('## Engine operations: script time (sync, what the call blocks) and main-thread task time until settled', '');
  const names = Object.keys(Object.values(results.engine)[0].median);
  const engPages = Object.keys(results.engine);
  table(
    ['operation', ...engPages.map((p) => `${p} script / task`)],
    names.map((n) => [n, ...engPages.map((p) => `${ms(results.engine[p].median[n].sync, 2)} / ${ms(results.engine[p].median[n].task)}`)]),
  );
  const gen = engPages.filter((p) => p.startsWith('generated-'));
  if (gen.length >= 2) {
    const [a, b] = gen.slice(-2);
    const els = ratio(results.contrast[b].elements, results.contrast[a].elements);
    md.push(`### Growth ${b} / ${a} (elements x${els.toFixed(2)}; linear growth = ${els.toFixed(2)}x)`, '');
    table(
      ['operation', 'script ratio', 'task ratio'],
      names.map((n) => {
        const A = results.engine[a].median[n];
        const B = results.engine[b].median[n];
        // Sub-millisecond times are dominated by timer resolution: ratios of those say nothing.
        return [n, A.sync >= 0.5 ? x(ratio(B.sync, A.sync)) : `${ms(A.sync, 2)} -> ${ms(B.sync, 2)} ms`, x(ratio(B.task, A.task))];
      }),
    );
  }
  md.push(`Undo restored \`outerHTML\` exactly on every run: ${Object.values(results.engine).every((r) => r.undoIdentical)}. Platform found: ${Object.entries(results.engine).map(([p, r]) => `${p} ${r.platform}`).join(', ')}.`, '');
}

md.push('## Extraction (script ms, median)', '');
table(
  ['page', 'engine findArticle()', 'engine extract()', 'Readability parse() (on a clone)', 'Readability / findArticle', 'found (engine)', 'found (Readability)'],
  Object.entries(results.extraction).map(([p, r]) => [
    p,
    ms(r.find, 2),
    r.hasExtract ? ms(r.extract, 2) : 'not available in this bundle',
    ms(r.readability, 2),
    x(ratio(r.readability, r.find)),
    r.found ? `${r.found.platform}: "${r.found.title.slice(0, 40)}" (${r.found.chars} chars)` : 'none',
    r.read ? `"${(r.read.title ?? '').slice(0, 40)}" (${r.read.chars} chars)` : 'none',
  ]),
);

md.push('## The extension at load and on A+ (built extension, Chromium, 1280x800)', '');
if (results.contentScript) {
  md.push(`Main-thread task time from the tab's start until the page (and the reader) settled, ms (script/style/layout). "Stored": the reader chose ${JSON.stringify(STORED)} (the extension adds its defaults: minimum 20 px and 4.5:1, toolbar). Load floor: the page carrying from its first byte one universal rule with that size and colours; press floor: the page carrying one universal size rule, that rule changed. "None": the page on a host where the extension does nothing. Ratios are medians of per-run ratios.`, '');
  const cell = (t) => (t ? `${ms(t.task)} (${ms(t.script)}/${ms(t.style)}/${ms(t.layout)})` : 'n/a');
  table(
    ['page', 'load, stored: extension', 'load floor', 'no extension', 'extension / floor', 'nothing stored: added ms', 'one A+: extension', 'A+ floor', 'A+ / floor'],
    Object.entries(results.contentScript).map(([p, r]) => [p, cell(r.median.load.extension), cell(r.median.load.floor), cell(r.median.load.none), x(r.ratios.load), ms(r.added.fresh), cell(r.median.press.extension), cell(r.median.press.floor), x(r.ratios.press)]),
  );
} else md.push(SECTIONS.has('content') ? 'Not available: no built extension in .output/chrome-mv3 (`npm run build:extension`).' : 'Not run (SECTIONS).', '');

md.push('## The built-in voice (no voice on the computer): first sound after "Đọc to"', '');
if (results.speech) {
  const s = results.speech;
  table(['', 'median ms', 'runs ms'], [['cold (fresh browser)', ms(median(s.cold), 0), s.cold.map((v) => v.toFixed(0)).join(', ')], ['warm (same browser, new page)', ms(median(s.warm), 0), s.warm.map((v) => v.toFixed(0)).join(', ')]]);
  md.push(`Load average during the run: ${s.load}. The voice's files: ${Object.entries(s.sizes.espeak).map(([f, b]) => `${f} ${(b / 1024).toFixed(0)} KB`).join(', ')}; the unpacked extension: ${(s.sizes.extension / 1048576).toFixed(2)} MB.`, '');
} else md.push(SECTIONS.has('speech') ? 'Not available: no built extension with its espeak/ folder (`npm run build:extension`).' : 'Not run (SECTIONS).', '');

md.push('## Sizes (gzip -9)', '');
table(
  ['file', 'gzip bytes', 'KB', 'budget'],
  Object.entries(results.sizes).map(([n, s]) => [n, s.gzip ?? 'missing', s.gzip ? (s.gzip / 1024).toFixed(1) : '', s.budget ? `${(s.budget / 1024).toFixed(0)} KB ${s.gzip && s.gzip <= s.budget ? 'ok' : 'OVER'}` : '']),
);

// Targets. Ratios of main-thread time with the measurement's own cost (the "nothing" row) taken off both sides.
const targets = [];
for (const [name, r] of Object.entries(results.contrast)) {
  const m = r.median;
  if (!m[C[0]]) continue;
  const pr = (a, b) => paired(r.runs[a], r.runs[b], r.runs[C[4]]);
  targets.push([`${name}: contrast high (update off -> high) within 1.5x of the floor`, pr(C[1], C[3]), (v) => v <= 1.5]);
  targets.push([`${name}: Dark Reader takes >= 2x the main-thread time of the engine's contrast high (update)`, pr(C[2], C[1]), (v) => v >= 2]);
  targets.push([`${name}: retrofit({contrast:high}) from scratch within 1.5x of the floor`, pr(C[0], C[3]), (v) => v <= 1.5]);
  targets.push([`${name}: Dark Reader takes >= 2x the time of retrofit({contrast:high}) from scratch`, pr(C[2], C[0]), (v) => v >= 2]);
  targets.push([`${name}: the engine reaches 7:1 on every text (lowest ratio, both ways)`, Math.min(r.text[C[0]].min, r.text[C[1]].min), (v) => v >= 7]);
  targets.push([`${name}: Dark Reader does not (its lowest ratio is below 7)`, r.text[C[2]].min, (v) => v < 7]);
}
if (results.engine['generated-10k']) {
  for (const [n, v] of Object.entries(results.engine['generated-10k'].median)) {
    if (n.startsWith('update')) targets.push([`generated-10k: ${n} < 16 ms of script`, v.sync, (s) => s < 16]);
    if (n.startsWith('retrofit() defaults')) targets.push([`generated-10k: ${n} < 50 ms of script`, v.sync, (s) => s < 50]);
  }
}
const gens = Object.keys(results.engine).filter((p) => p.startsWith('generated-'));
if (gens.length >= 2) {
  const [a, b] = gens.slice(-2);
  const els = ratio(results.contrast[b]?.elements, results.contrast[a]?.elements) || 5;
  for (const [n, A] of Object.entries(results.engine[a].median)) {
    const B = results.engine[b].median[n];
    // Growth is judged on script times of at least 1 ms (below that the timer's resolution decides).
    if (A.sync >= 1) targets.push([`${b} / ${a}: ${n} script grows no faster than elements (x${els.toFixed(1)})`, ratio(B.sync, A.sync), (v) => v <= els * 1.1]);
  }
}
if (results.contentScript) {
  const c = results.contentScript;
  if (c['generated-10k']) {
    targets.push(['generated-10k: load with stored settings <= 1.25x the floor', c['generated-10k'].ratios.load, (v) => v <= 1.25]);
    targets.push(['generated-10k: one A+ <= 2x the floor', c['generated-10k'].ratios.press, (v) => v <= 2]);
    targets.push(['generated-10k: one A+ <= 100 ms of main-thread task time', c['generated-10k'].median.press.extension.task, (v) => v <= 100]);
  }
  if (c['generated-10k'] && c['generated-50k']) {
    const els = ratio(results.contrast['generated-50k']?.elements, results.contrast['generated-10k']?.elements) || 5;
    const grow = (k) => ratio(c['generated-50k'].median[k].extension.task, c['generated-10k'].median[k].extension.task);
    targets.push([`generated-50k / generated-10k: load with stored settings grows no faster than elements (x${els.toFixed(1)})`, grow('load'), (v) => v <= els * 1.1]);
    targets.push([`generated-50k / generated-10k: one A+ grows no faster than elements (x${els.toFixed(1)})`, grow('press'), (v) => v <= els * 1.1]);
  }
  for (const [name, r] of Object.entries(c)) if (name.startsWith('sample-')) targets.push([`${name}: <= 50 ms added at load (nothing stored: the defaults)`, r.added.fresh, (v) => v <= 50]);
}
if (results.speech) {
  targets.push(['built-in voice: first sound <= 1000 ms after "Đọc to" (cold, median)', median(results.speech.cold), (v) => v <= 1000]);
  targets.push(['built-in voice: first sound <= 1000 ms after "Đọc to" (warm, median)', median(results.speech.warm), (v) => v <= 1000]);
}
results.targets = targets.map(([what, value, ok]) => ({ what, value, met: Number.isFinite(value) && ok(value) }));
md.push('## Targets', '');
table(['target', 'value', 'met'], results.targets.map((t) => [t.what, Number.isFinite(t.value) ? t.value.toFixed(2) : 'n/a', t.met ? 'yes' : '**no**']));

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'report.md'), md.join('\n'));
writeFileSync(join(OUT, 'report.json'), JSON.stringify(results, null, 2));
console.log(`\n${md.join('\n')}`);
log(`wrote ${join(OUT, 'report.md')} and report.json`);
