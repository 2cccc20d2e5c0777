// What the built extension costs a reader, measured the way issue 15 states its targets: main-thread task time
// (the browser's own counters) for a page load with stored settings and for one press of A+, each beside its
// floor, the least any approach could cost:
//   load floor:  the same page carrying, from its first byte, one universal rule with the same size and colours;
//   press floor: the same page carrying one universal size rule, that one rule changed.
// The page with no extension at all is measured too. Medians of `runs`, fresh tab per run, variants alternating.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { toolbarControl } from './content-world.mjs';

const GOV = 'bench.phuong-test.gov.vn';
const OTHER = 'bench.other-site.test';
/** What a reader stores after choosing 200 % and black on white (the extension fills in its other defaults). */
export const STORED = { fontScale: 2, contrast: 'high' };

const median = (list) => {
  const s = list.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The floor pages: one universal rule from the first byte (load), one universal size rule to change (press). */
function floors(html) {
  const head = (rule) => html.replace(/<head>/i, `<head><style id="floor">${rule}</style>`);
  return {
    load: head('*{font-size:28px!important;color:#000!important;background-color:#fff!important}'),
    press: head('*{font-size:14px!important}'),
  };
}

/**
 * `pages`: [{ name, html }]. Returns, per page: load (stored settings: extension / floor / none), fresh (the
 * extension's defaults, nothing stored: extension / none) and press (one A+: extension / floor), each
 * { task, script, style, layout } in ms (medians).
 */
export async function benchExtensionCost({ chromiumPath, args, extDir, pages, runs, inPage, log }) {
  const served = new Map();
  for (const p of pages) {
    const f = floors(p.html);
    served.set(`/${p.name}.html`, p.html);
    served.set(`/${p.name}.floor-load.html`, f.load);
    served.set(`/${p.name}.floor-press.html`, f.press);
  }
  const server = createServer((req, res) => {
    const body = served.get((req.url ?? '/').split('?')[0]);
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const port = server.address().port;
  const url = (host, path) => `http://${host}:${port}${path}`;
  const profile = mkdtempSync(join(tmpdir(), 'ar-cost-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [...args, `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, `--host-resolver-rules=MAP ${GOV} 127.0.0.1, MAP ${OTHER} 127.0.0.1`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  for (let i = 0; i < 200 && !(await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).some((s) => s.id === 'gov'))); i++) await new Promise((r) => setTimeout(r, 50));
  const setStored = (s) => worker.evaluate(async (v) => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.clear();
    if (v) await chrome.storage.sync.set({ defaults: v });
  }, s);

  const metrics = async (cdp) => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const ms = (a, b, k) => (b[k] - (a?.[k] ?? 0)) * 1000;
  const delta = (a, b) => ({ task: ms(a, b, 'TaskDuration'), script: ms(a, b, 'ScriptDuration'), style: ms(a, b, 'RecalcStyleDuration'), layout: ms(a, b, 'LayoutDuration') });

  /** Opens `target` in a fresh tab and waits until the page (and the reader, when it runs) has settled. */
  async function open(target, reader) {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await tab.goto(target, { waitUntil: 'load', timeout: 120_000 });
    if (reader) await tab.waitForFunction(() => performance.getEntriesByName('accessible-reader:early-styles').length > 0 && document.querySelector('[data-ar-toolbar]'), null, { timeout: 30_000 });
    await tab.addScriptTag({ content: inPage });
    await tab.evaluate(() => window.__bench.settle({ quiet: 300 }));
    return { tab, cdp };
  }

  async function load(target, reader) {
    const { tab, cdp } = await open(target, reader);
    const m = await metrics(cdp);
    await tab.close();
    return delta(null, m);
  }

  async function pressExtension(page) {
    const { tab, cdp } = await open(url(GOV, `/${page.name}.html`), true);
    // The reader scrolls to the toolbar first (on a big portal it is below the first screen at 100 %).
    await tab.evaluate(() => document.querySelector('[data-ar-toolbar]').scrollIntoView({ block: 'center' }));
    await tab.evaluate(() => window.__bench.settle({ quiet: 200 }));
    // Read in the content script's world: the toolbar's root is closed.
    const at = await toolbarControl(context, tab, 'A+');
    if (!at) throw new Error(`no A+ on the toolbar of ${page.name}`);
    const zoomOf = () => tab.evaluate(() => getComputedStyle(document.querySelector('p')).zoom);
    const before = await zoomOf();
    const m0 = await metrics(cdp);
    await tab.mouse.click(at.x, at.y);
    await tab.evaluate(() => window.__bench.settle({ quiet: 200 }));
    const m1 = await metrics(cdp);
    const scaled = await zoomOf();
    // The click must have acted (a miss would measure nothing): the text's zoom grew.
    if (!(Number(scaled) > Number(before))) throw new Error(`A+ did not act on ${page.name} (zoom ${before} -> ${scaled})`);
    await tab.close();
    return { ...delta(m0, m1), scaled };
  }

  async function pressFloor(page) {
    const { tab, cdp } = await open(url(OTHER, `/${page.name}.floor-press.html`), false);
    const m0 = await metrics(cdp);
    await tab.evaluate(async () => {
      await new Promise((r) => setTimeout(() => {
        document.getElementById('floor').textContent = '*{font-size:17.5px!important}';
        r();
      }, 0));
      await window.__bench.settle({ quiet: 200 });
    });
    const m1 = await metrics(cdp);
    await tab.close();
    return delta(m0, m1);
  }

  const results = {};
  try {
    for (const page of pages) {
      const row = (results[page.name] = { load: { extension: [], floor: [], none: [] }, fresh: { extension: [], none: [] }, press: { extension: [], floor: [] } });
      for (let run = 0; run < runs; run++) {
        await setStored(STORED);
        const loads = { extension: () => load(url(GOV, `/${page.name}.html`), true), floor: () => load(url(OTHER, `/${page.name}.floor-load.html`)), none: () => load(url(OTHER, `/${page.name}.html`)) };
        const order = Object.keys(loads);
        for (const k of order.map((_, i) => order[(i + run) % order.length])) row.load[k].push(await loads[k]());
        await setStored(null);
        for (const k of run % 2 ? ['none', 'extension'] : ['extension', 'none']) row.fresh[k].push(await (k === 'extension' ? load(url(GOV, `/${page.name}.html`), true) : load(url(OTHER, `/${page.name}.html`))));
        for (const k of run % 2 ? ['floor', 'extension'] : ['extension', 'floor']) row.press[k].push(await (k === 'extension' ? pressExtension(page) : pressFloor(page)));
      }
      const med = (list) => Object.fromEntries(['task', 'script', 'style', 'layout'].map((k) => [k, median(list.map((t) => t[k]))]));
      row.median = Object.fromEntries(Object.entries(row).map(([what, v]) => [what, Object.fromEntries(Object.entries(v).map(([k, list]) => [k, med(list)]))]));
      // Ratios of paired runs (each run measures all variants within a minute): steadier than ratios of medians.
      const paired = (a, b) => median(a.map((x, i) => x.task / b[i].task));
      row.ratios = { load: paired(row.load.extension, row.load.floor), press: paired(row.press.extension, row.press.floor) };
      row.added = { fresh: median(row.fresh.extension.map((x, i) => x.task - row.fresh.none[i].task)) };
      log(`cost ${page.name}: load ${row.median.load.extension.task.toFixed(0)} vs floor ${row.median.load.floor.task.toFixed(0)} (${row.ratios.load.toFixed(2)}x), A+ ${row.median.press.extension.task.toFixed(0)} vs floor ${row.median.press.floor.task.toFixed(0)} (${row.ratios.press.toFixed(2)}x), fresh +${row.added.fresh.toFixed(0)} ms`);
    }
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return results;
}
