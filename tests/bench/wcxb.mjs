// `npm run corpus:wcxb`: extraction on WCXB, the Web Content eXtraction Benchmark (2,008 human-reviewed pages
// of 2025, seven page types), scored with WCXB's own word F1 and snippet checks.
//
//   node tests/bench/wcxb.mjs    WCXB_DIR=…/wcxb  CONCURRENCY=3  SPLIT=all|dev|test  TYPES=article,forum  LIMIT=50
//
// The pages belong to WCXB (https://github.com/Murrough-Foley/web-content-extraction-benchmark, CC-BY-4.0):
// read in place from a checkout beside the repo, never copied or committed; skipped with a message when there
// is none (git clone --depth 1 https://github.com/Murrough-Foley/web-content-extraction-benchmark ../wcxb).
// A third set of real pages, fresh to this project when it was added. WCXB's own split is kept: `dev` pages
// may be looked at one by one (tuning), `test` pages are held out and only ever reported as means.
// Scoring (WCXB's evaluate.py): per page, word precision, recall and F1 over bags of lower-cased `\w+` words;
// the share of "with" snippets found and of "without" snippets found (a leak); unweighted means over pages.
// Articles are what the reader is for; the other page types (forums, products, listings…) are reported too,
// as the limit of what a reader view should be asked to do.
import { bagScore } from '../reader/score.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { ENGINES, HOW_RUN, LABEL, mean, median, ms, pct, runOnPages, saveReport, servedByIndex, writeResultsSection } from './extraction-engines.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const started = Date.now();
const log = (...a) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s]`, ...a);

const DIR = [process.env.WCXB_DIR, resolve(ROOT, '../wcxb')].find((d) => d && existsSync(join(d, 'dev/ground-truth')));
if (!DIR) {
  console.log(`npm run corpus:wcxb: skipped, no WCXB checkout with dev/ground-truth (set WCXB_DIR, or: git clone --depth 1 https://github.com/Murrough-Foley/web-content-extraction-benchmark ${resolve(ROOT, '../wcxb')}).`);
  process.exit(0);
}
const TYPE_ORDER = ['article', 'documentation', 'service', 'forum', 'product', 'collection', 'listing'];
const CONCURRENCY = Math.max(1, Number(process.env.CONCURRENCY ?? 3));
const SPLIT = process.env.SPLIT ?? 'all';
const TYPES = process.env.TYPES?.split(',');
const LIMIT = Number(process.env.LIMIT ?? Infinity);
const IDS = process.env.IDS?.split(',');
const FULL = SPLIT === 'all' && !TYPES && !IDS && !Number.isFinite(LIMIT);

/** evaluate.py's tokenizer: Python's `re.findall(r'\w+', text.lower())` (letters, digits and `_`, any script). */
const words = (s) => s.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
/** evaluate.py's snippet_check: the share of snippets found as lower-cased substrings (1 when there are none). */
const share = (text, snippets) => (snippets.length ? snippets.filter((s) => text.includes(s.toLowerCase())).length / snippets.length : 1);
/** evaluate.py's get_page_type: the ground truth's primary type, "category" read as "collection". */
const typeOf = (data) => {
  const t = data._internal?.page_type;
  const primary = typeof t === 'string' ? t : (t?.primary ?? 'article');
  return primary === 'category' ? 'collection' : primary;
};

const pages = [];
const unreadable = [];
for (const split of ['dev', 'test']) {
  if (SPLIT !== 'all' && SPLIT !== split) continue;
  const gtDir = join(DIR, split, 'ground-truth');
  if (!existsSync(gtDir)) continue;
  for (const file of readdirSync(gtDir).filter((f) => f.endsWith('.json')).sort()) {
    const id = file.slice(0, -5);
    if (IDS && !IDS.includes(id)) continue;
    let data;
    try {
      data = JSON.parse(readFileSync(join(gtDir, file), 'utf8'));
    } catch (error) {
      unreadable.push(`${split}/${file}: ${error.message}`);
      continue;
    }
    const gt = data.ground_truth;
    const html = join(DIR, split, 'html', `${id}.html.gz`);
    if (!gt || typeof gt !== 'object' || !existsSync(html)) continue;
    const type = typeOf(data);
    if (TYPES && !TYPES.includes(type)) continue;
    pages.push({ id, split, type, html, truth: gt.main_content ?? '', with: gt.with ?? [], without: gt.without ?? [] });
    if (pages.length >= LIMIT) break;
  }
}
if (unreadable.length) log(`skipped ${unreadable.length} ground-truth files that are not JSON: ${unreadable.slice(0, 3).join('; ')}`);

/** evaluate.py's word_f1 and snippet rates for one page. An empty truth scores 1 only when nothing was extracted. */
function score(page, text) {
  const got = words(text);
  const want = words(page.truth);
  const lower = text.toLowerCase();
  const withRate = share(lower, page.with);
  const withoutRate = page.without.length ? share(lower, page.without) : 0;
  if (!want.length) return { p: got.length ? 0 : 1, r: got.length ? 0 : 1, f1: got.length ? 0 : 1, withRate, withoutRate, empty: !got.length };
  const { precision: p, recall: r, f1 } = bagScore(got, want);
  return { p, r, f1, withRate, withoutRate, empty: !got.length };
}

const loadBefore = loadavg()[0];
const { results, version } = await runOnPages({
  pages,
  from: DIR,
  concurrency: CONCURRENCY,
  log,
  // WCXB stores each page as UTF-8 (gzip-compressed): served as such.
  ...servedByIndex(pages, (page) => gunzipSync(readFileSync(page.html)), 'text/html; charset=utf-8'),
  score(p, got) {
    const row = { id: p.id, split: p.split, type: p.type };
    for (const e of ENGINES) {
      const text = got?.[e]?.text ?? '';
      row[e] = { ...score(p, text), ms: got?.[e]?.ms ?? NaN, warmMs: got?.[e]?.warmMs ?? NaN, cpuMs: got?.[e]?.cpuMs ?? NaN, chars: text.length, platform: got?.[e]?.platform };
    }
    return row;
  },
});
const seconds = (Date.now() - started) / 1000;
log(`done: ${results.length} pages in ${seconds.toFixed(0)} s`);

function summary(rows, engine) {
  const s = rows.map((r) => r[engine]);
  return {
    n: rows.length,
    f1: mean(s.map((x) => x.f1)),
    p: mean(s.map((x) => x.p)),
    r: mean(s.map((x) => x.r)),
    with: mean(s.map((x) => x.withRate)),
    without: mean(s.map((x) => x.withoutRate)),
    empty: s.filter((x) => x.empty).length,
    gross: s.filter((x) => x.f1 < 0.5).length,
    below: engine === 'readability' ? null : rows.filter((r) => r[engine].f1 < r.readability.f1 - 0.005).length,
    ms: median(s.map((x) => x.ms)),
    warm: median(s.map((x) => x.warmMs)),
    cpu: median(s.map((x) => x.cpuMs)),
  };
}

const failed = results.filter((r) => r.error);
const md = ['## Extraction on WCXB', ''];
md.push(
  `${new Date().toISOString()}, \`npm run corpus:wcxb\` (tests/bench/wcxb.mjs): ${results.length} real pages of WCXB, the Web Content eXtraction Benchmark (https://github.com/Murrough-Foley/web-content-extraction-benchmark, CC-BY-4.0; pages of 2025 with human-reviewed ground truth; read in place, never copied), each in Chromium ${version} headless with the page's own JavaScript disabled and no network. In the same run (${HOW_RUN}): the one-file bundle (with its reader script), the npm entry and Readability 0.6.0. Scored as WCXB's evaluate.py scores: word F1 per page over lower-cased \`\\w+\` words, unweighted means in %; "with": share of the snippets that must be there found; "leaks": share of the boilerplate snippets found (lower is better). Extracted text: our \`extract(document).text\` and Readability's \`textContent\`. ${CONCURRENCY} pages at a time on ${cpus().length} shared CPUs (load ${loadBefore.toFixed(1)} -> ${loadavg()[0].toFixed(1)}); took ${seconds.toFixed(0)} s.`,
  '',
  "WCXB's own split: rules were tuned looking at `dev` pages only; **`test` pages were never looked at one by one** and are reported as means only. Page types as WCXB labels them; articles are what a reader view is for.",
  '',
);
if (failed.length) md.push(`Pages that could not be run (counted as empty for every engine): ${failed.length} (${failed.map((r) => `${r.split}/${r.id}: ${r.error}`).slice(0, 5).join('; ')}).`, '');
for (const split of ['test', 'dev']) {
  const rows = results.filter((r) => r.split === split);
  if (!rows.length) continue;
  md.push(`### ${split === 'test' ? 'Held out (WCXB test, unseen)' : 'Tuning part (WCXB dev)'}: ${rows.length} pages`, '');
  md.push('| page type | pages | engine | F1 | P | R | with | leaks | empty | F1 < 0.5 | below Readability | ms / page (median) | ms, second call | CPU ms, both calls |', '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const type of [...TYPE_ORDER.filter((t) => rows.some((r) => r.type === t)), 'all']) {
    const subset = type === 'all' ? rows : rows.filter((r) => r.type === type);
    for (const engine of ENGINES) {
      const s = summary(subset, engine);
      const name = type === 'all' || type === 'article' ? `**${type}**` : type;
      const f1 = type === 'all' || type === 'article' ? `**${pct(s.f1)}**` : pct(s.f1);
      md.push(`| ${name} | ${s.n} | ${LABEL[engine]} | ${f1} | ${pct(s.p)} | ${pct(s.r)} | ${pct(s.with)} | ${pct(s.without)} | ${s.empty} | ${s.gross} | ${s.below ?? ''} | ${ms(s.ms)} | ${ms(s.warm)} | ${ms(s.cpu)} |`);
    }
  }
  md.push('');
}
const text = md.join('\n');
saveReport('wcxb', text, results, 'dev');
if (FULL) {
  writeResultsSection('Extraction on WCXB', text, "Extraction on trafilatura's evaluation pages");
  log('wrote the "Extraction on WCXB" section of tests/bench/RESULTS.md');
}
