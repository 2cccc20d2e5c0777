// The three extractors the corpus benchmarks compare, run in real Chromium on pages whose own scripts are off:
// the one-file bundle (with its reader script), the npm entry and Mozilla Readability 0.6.0, in the same run
// (three loads of each page, one per engine, each in a browser context of its own: see runPages). Shared by
// `npm run corpus`, `npm run corpus:l3s` and `npm run corpus:big9-chaos` (token F1 against ground-truth text), `npm run corpus:snippets`
// (trafilatura's evaluation pages, scored by snippets that must and must not be extracted) and the scrapinghub
// and WCXB benchmarks.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { bagScore } from '../reader/score.ts';
import { buildNpmEntry } from './npm-entry.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

export const ENGINES = ['bundle', 'npm', 'readability'];
export const LABEL = { bundle: 'one-file bundle', npm: 'npm entry', readability: 'Readability 0.6.0' };
export const PAGE_TIMEOUT = 30_000;
/** How `runOnPages` runs the engines, for the reports' opening paragraph. */
export const HOW_RUN =
  'each engine alone in a load of the page of its own, each load in a browser context of its own, so that no engine starts warm from another or from an earlier page, nor shares the CPUs with another\'s compiler threads; style and layout settled before the calls; "CPU ms, both calls" is what the renderer\'s main thread spent on the first and second call together, in CPU time (CDP metrics in thread ticks: time spent waiting for a CPU that other threads, such as V8\'s background compilers, keep busy is left out; Readability\'s includes its clone)';

/** Builds the engine (unless SKIP_BUILD=1) and returns the loads of each page: the scripts to evaluate, the engine to run. */
async function engineSources(log) {
  if (process.env.SKIP_BUILD !== '1') {
    log('building the engine (npm run build -w @accessible-reader/retrofit)');
    try {
      execFileSync(process.execPath, [join(ROOT, 'packages/retrofit/scripts/build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
    } catch {
      // Over its size budget the build still writes the bundle: score it, the build's own check reports the size.
      if (!existsSync(join(ROOT, 'packages/retrofit/dist/accessible-reader-retrofit.js'))) throw new Error('the engine did not build');
      log('the build failed its size budget; scoring the bundle it wrote anyway');
    }
  }
  const bundle = readFileSync(join(ROOT, 'packages/retrofit/dist/accessible-reader-retrofit.js'), 'utf8');
  // The reader script the bundle loads from beside itself on first use (extraction with Readability, reader view,
  // read-aloud): evaluated after it here, as the page's scripts are off. It hands its functions over under a
  // global symbol, where the bundle's extract() finds them; the bundle's own call is a promise, so the scoring
  // calls the function it hands over (the same code), synchronously, for the timing.
  const chunk = readFileSync(join(ROOT, 'packages/retrofit/dist/accessible-reader-reader.js'), 'utf8');
  const readability = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');
  // A load of each page per engine: our two engines share V8's cache of compiled regular expressions (same
  // patterns), so in one page the second of them would start warm; and an engine run beside another shares the
  // machine's CPUs with the other's background compiler threads, which run on after its call.
  return [
    { scripts: [bundle, chunk], engine: 'bundle' },
    { scripts: [await buildNpmEntry()], engine: 'npm' },
    { scripts: [readability], engine: 'readability' },
  ];
}

/**
 * Runs in the page (main world, page scripts disabled): the engine, timed with performance.now() around the call
 * alone. Readability gets a clone, as reader modes give it; the clone's time is reported apart.
 */
function runEngine(engine) {
  let out;
  const t = () => performance.now();
  // Twice: the first call pays for compiling the engine's code on this page (what a reader's first extraction
  // costs), the second is the work itself.
  for (const round of [0, 1]) {
    try {
      if (engine === 'readability') {
        const t0 = t();
        const copy = document.cloneNode(true);
        const t1 = t();
        const parsed = new window.Readability(copy).parse();
        const t2 = t();
        if (round) out.warmMs = t2 - t0;
        else out = { text: parsed?.textContent ?? '', title: parsed?.title ?? '', ms: t2 - t0, cloneMs: t1 - t0 };
      } else {
        const api = engine === 'bundle' ? window[Symbol.for('accessible-reader.reader')] : window.__arNpm;
        const t0 = t();
        // Readability runs to the end, however long it takes: ours is given the same chance (its default
        // 200 ms limit is wall-clock time, which a loaded machine eats, and would cut pages short at random).
        const a = api.extract(document, { timeLimit: 10_000 });
        const ms = t() - t0;
        if (round) out.warmMs = ms;
        else out = { text: a?.text ?? '', title: a?.title ?? '', platform: a?.platform ?? 'none', ms };
      }
    } catch (error) {
      if (!round) out = { text: '', title: '', ms: NaN, error: String(error) };
    }
  }
  return out;
}

/** Headless Chromium with page scripts off and no network but 127.0.0.1 (every other host fails to resolve). */
async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  // A browser context per load (see runPages): page scripts off, a desktop window.
  const newContext = () => browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  return { browser, newContext, version: browser.version() };
}

/** CPU time of the renderer's main thread so far, in ms (CDP Performance metrics in thread ticks). */
const mainThreadMs = async (cdp) => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;

const withTimeout = (promise, ms, what) => Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms))]);

/**
 * Loads each page (`urlOf(page)`) in a pool of `concurrency` tabs, runs the three engines on it and hands
 * `score(page, got)` their answers; returns one row per page, with `error` where the page could not be run.
 */
async function runPages({ browser, newContext, loads, pages, urlOf, score, concurrency, log }) {
  // A browser that went away (killed, crashed) fails every page left: stop, rather than report a run of failures
  // and let it replace the last good section of RESULTS.md.
  let closed = false;
  browser.on('disconnected', () => (closed = true));
  const results = [];
  let next = 0;
  async function worker() {
    while (next < pages.length) {
      if (closed) throw new Error(`the browser closed after ${results.length} of ${pages.length} pages: nothing written`);
      const i = next++;
      const p = pages[i];
      let row;
      try {
        // Each load (engineSources) in a browser context of its own, not only a tab: no engine's first call starts
        // warm from another's compiled code or pays for collecting another page's heap. Tabs of one context share a
        // renderer, whose V8 keeps the code it compiled for the same script on an earlier page (npm entry, first
        // call, 30 pages: 25.4 ms in a new tab after the last page's, 31.8 in a new context); a reader's first page on
        // a site starts from nothing.
        const got = {};
        for (const { scripts, engine } of loads) {
          const context = await newContext();
          const tab = await context.newPage();
          try {
            await withTimeout(tab.goto(urlOf(p), { waitUntil: 'load', timeout: PAGE_TIMEOUT }), PAGE_TIMEOUT + 1000, 'load');
            // Indirect eval: the scripts' top-level declarations become the page's globals, as a <script> would.
            await tab.evaluate((list) => list.forEach((s) => (0, eval)(s)), scripts);
            // Style and layout as a shown page has them before any extension runs: not counted for the engine.
            await tab.evaluate(() => document.body?.getBoundingClientRect());
            const cdp = await context.newCDPSession(tab);
            await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
            const before = await mainThreadMs(cdp);
            got[engine] = await withTimeout(tab.evaluate(runEngine, engine), PAGE_TIMEOUT, 'extract');
            // What the renderer's main thread spent on the two calls, waits for a busy CPU left out.
            got[engine].cpuMs = (await mainThreadMs(cdp)) - before;
          } finally {
            await context.close().catch(() => {});
          }
        }
        row = score(p, got);
      } catch (error) {
        row = { ...score(p, null), error: String(error).split('\n')[0] };
      }
      results.push(row);
      if (results.length % 50 === 0) log(`${results.length}/${pages.length}`);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, pages.length) }, worker));
  return results;
}

/**
 * The whole run: builds the engine, serves the pages from 127.0.0.1 with `handler` (page scripts off, no other
 * host), runs the three engines on each page at `pathOf(page)` and returns the rows `score(page, got)` makes
 * (`got` is null when the page could not be run) and the Chromium version.
 */
export async function runOnPages({ pages, handler, pathOf, score, concurrency, log, from }) {
  const loads = await engineSources(log);
  const server = createServer(handler);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const { browser, newContext, version } = await launchBrowser();
  log(`${pages.length} pages from ${from}, ${concurrency} at a time, Chromium ${version}`);
  try {
    const results = await runPages({ browser, newContext, loads, pages, concurrency, log, score, urlOf: (p) => origin + pathOf(p) });
    return { results, version };
  } finally {
    await browser.close();
    server.close();
  }
}

export const mean = (xs) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN);
export function median(xs) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/**
 * The fixed split of a set's pages: those whose salted hash (SHA-256 of `accessible-reader split:<set>:<id>`) starts
 * below 128 are for tuning, the rest are held out. Salted: the corpus picked its CleanEval pages by the unsalted
 * SHA-256 of `cleaneval:<id>`, which would put them all on one side.
 */
export const splitOf = (set, id) => (createHash('sha256').update(`accessible-reader split:${set}:${id}`).digest()[0] < 128 ? 'tune' : 'held-out');

/** The corpus README's tokenizer: NFC, lower case, split on anything that is not a letter or a digit. */
const tokens = (s) => s.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Token precision, recall and F1 of `got` against `want` (bags of tokens); 0 when nothing was extracted. */
export function tokenScore(got, want) {
  const g = tokens(got);
  const { precision: p, recall: r, f1 } = bagScore(g, tokens(want));
  return { p, r, f1, empty: !g.length };
}

/** One engine's row for a page: its token scores against `want` (of `text`, its extracted text unless given), times and answer. */
export const tokenRow = (run, want, text = run.text) => ({ ...tokenScore(text, want), ms: run.ms, warmMs: run.warmMs, cpuMs: run.cpuMs, platform: run.platform, error: run.error });

/** Means of one engine's token scores over `rows` (a page it could not run counts as empty), its median times and how often it falls below Readability. */
export function tokenSummary(rows, engine) {
  const s = rows.map((r) => r[engine] ?? { f1: 0, p: 0, r: 0, empty: true, ms: NaN });
  return {
    n: rows.length,
    f1: mean(s.map((x) => x.f1)),
    p: mean(s.map((x) => x.p)),
    r: mean(s.map((x) => x.r)),
    empty: s.filter((x) => x.empty).length,
    gross: s.filter((x) => x.f1 < 0.5).length,
    ms: median(s.map((x) => x.ms)),
    warm: median(s.map((x) => x.warmMs)),
    cpu: median(s.map((x) => x.cpuMs)),
    below: engine === 'readability' ? null : rows.filter((r) => (r[engine]?.f1 ?? 0) < (r.readability?.f1 ?? 0) - 0.005).length,
  };
}

export const pct = (x) => (Number.isFinite(x) ? (x * 100).toFixed(1) : 'n/a');
export const ms = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

/**
 * Writes `text` as the section `## heading` of tests/bench/RESULTS.md: the old section goes, the new one lands
 * before the section `## before` where there is one, else at the end.
 */
export function writeResultsSection(heading, text, before) {
  const path = join(ROOT, 'tests/bench/RESULTS.md');
  let old = readFileSync(path, 'utf8');
  const at = old.indexOf(`\n## ${heading}\n`);
  if (at >= 0) {
    const end = old.indexOf('\n## ', at + 4 + heading.length);
    old = old.slice(0, at) + (end >= 0 ? old.slice(end) : '\n');
  }
  const beforeAt = before ? old.indexOf(`\n## ${before}\n`) : -1;
  writeFileSync(path, beforeAt >= 0 ? `${old.slice(0, beforeAt).trimEnd()}\n\n${text.trim()}\n${old.slice(beforeAt)}` : `${old.trimEnd()}\n\n${text.trim()}\n`);
}

/**
 * Serves page `pages[i]` at `/<i>.html` for `runOnPages`: `read(page)` gives its bytes, sent as `contentType` (or
 * as `contentType(bytes)` says, for pages whose encoding differs). Returns the `handler` and `pathOf` to hand it.
 */
export function servedByIndex(pages, read, contentType) {
  const index = new Map(pages.map((p, i) => [p, i]));
  return {
    handler(req, res) {
      const page = pages[Number(/^\/(\d+)\.html$/.exec(req.url ?? '')?.[1] ?? -1)];
      if (!page) return void res.writeHead(404).end();
      const bytes = read(page);
      res.writeHead(200, { 'content-type': typeof contentType === 'function' ? contentType(bytes) : contentType }).end(bytes);
    },
    pathOf: (p) => `/${index.get(p)}.html`,
  };
}

/**
 * Prints a benchmark's report and keeps it as bench-results/<name>.md, with the tuning part's rows page by page
 * in bench-results/<name>-<tuning>.json (the held-out part stays unseen: means only).
 */
export function saveReport(name, text, rows, tuning) {
  console.log(`\n${text}`);
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, `bench-results/${name}.md`), text);
  // A run of the held-out part alone has no tuning rows: the last run's stay, to compare the next one with.
  const tuned = rows.filter((r) => r.split === tuning);
  if (tuned.length) writeFileSync(join(ROOT, `bench-results/${name}-${tuning}.json`), JSON.stringify(tuned, null, 1));
}
