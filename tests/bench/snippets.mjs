// `npm run corpus:snippets`: extraction on trafilatura's evaluation pages (990 real pages, mostly German and
// English: blogs, news, government, shops), scored as trafilatura scores itself, by snippets that must be in
// the extracted text and snippets that must not.
//
//   node tests/bench/snippets.mjs    TRAFILATURA_DIR=…/trafilatura  CONCURRENCY=3  SPLIT=all|tune|held-out  LIMIT=50
//
// The pages and their snippets belong to the trafilatura project (tests/evaldata.json, tests/eval, tests/cache
// of https://github.com/adbar/trafilatura): read in place from a checkout, never copied or committed; skipped
// with a message when there is none (git clone --depth 1 https://github.com/adbar/trafilatura ../trafilatura).
// A second set of real pages, fresh to this project when it was added: the `npm run corpus` pages had been
// tuned on for months. Same engines, same browser set-up (page scripts off, no network) and the same fixed
// split by a salted hash; tuning pages may be looked at one by one, held-out pages only as means.
// Scoring (trafilatura's tests/eval_common.py): whitespace-normalised substring matching; a "with" snippet
// found is a true positive, missed a false negative; a "without" snippet found is a false positive. Counts are
// summed over the pages (micro average), then precision, recall and F1.
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINES, HOW_RUN, LABEL, median, ms, pct, runOnPages, saveReport, servedByIndex, splitOf, writeResultsSection } from './extraction-engines.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const started = Date.now();
const log = (...a) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s]`, ...a);

const DIR = [process.env.TRAFILATURA_DIR, resolve(ROOT, '../trafilatura'), resolve(ROOT, '../trafilatura-eval')].find((d) => d && existsSync(join(d, 'tests/evaldata.json')));
if (!DIR) {
  console.log(`npm run corpus:snippets: skipped, no trafilatura checkout with tests/evaldata.json (set TRAFILATURA_DIR, or: git clone --depth 1 https://github.com/adbar/trafilatura ${resolve(ROOT, '../trafilatura')}).`);
  process.exit(0);
}
const CONCURRENCY = Math.max(1, Number(process.env.CONCURRENCY ?? 3));
const SPLIT = process.env.SPLIT ?? 'all';
const LIMIT = Number(process.env.LIMIT ?? Infinity);
const FILES = process.env.FILES?.split(',');
const FULL = SPLIT === 'all' && !FILES && !Number.isFinite(LIMIT);

const norm = (s) => s.replace(/\s+/g, ' ').trim();
const pathOf = (file) => ['cache', 'eval'].map((sub) => join(DIR, 'tests', sub, file)).find(existsSync);

let evaldata;
try {
  evaldata = JSON.parse(readFileSync(join(DIR, 'tests/evaldata.json'), 'utf8'));
} catch (error) {
  console.error(`npm run corpus:snippets: ${join(DIR, 'tests/evaldata.json')} is not readable JSON (${error.message}).`);
  process.exit(1);
}
const pages = [];
for (const [url, item] of Object.entries(evaldata)) {
  const split = splitOf('trafilatura', item.file);
  if (SPLIT !== 'all' && split !== SPLIT) continue;
  if (FILES && !FILES.includes(item.file)) continue;
  if (!pathOf(item.file) || !Array.isArray(item.with) || !Array.isArray(item.without)) continue;
  pages.push({ url, file: item.file, split, with: item.with.map(norm), without: item.without.map(norm) });
  if (pages.length >= LIMIT) break;
}

/** trafilatura's count_item: which "with" snippets were found, which "without" ones were found too. */
function count(page, text) {
  const t = norm(text ?? '');
  const missed = page.with.filter((w) => !t.includes(w));
  const leaked = page.without.filter((w) => t.includes(w));
  return { tp: page.with.length - missed.length, fn: missed.length, fp: leaked.length, tn: page.without.length - leaked.length, missed, leaked };
}

const loadBefore = loadavg()[0];
const { results, version } = await runOnPages({
  pages,
  from: DIR,
  concurrency: CONCURRENCY,
  log,
  // The page's bytes as they were saved, with no charset from us: Chromium reads the page's own declaration or
  // guesses, as it would on the site.
  ...servedByIndex(pages, (page) => readFileSync(pathOf(page.file)), 'text/html'),
  score(p, got) {
    const row = { file: p.file, url: p.url, split: p.split };
    for (const e of ENGINES) row[e] = { ...count(p, got?.[e]?.text), ms: got?.[e]?.ms ?? NaN, warmMs: got?.[e]?.warmMs ?? NaN, cpuMs: got?.[e]?.cpuMs ?? NaN, chars: got?.[e]?.text.length ?? 0, platform: got?.[e]?.platform };
    return row;
  },
});
const seconds = (Date.now() - started) / 1000;
log(`done: ${results.length} pages in ${seconds.toFixed(0)} s`);

function summary(rows, engine) {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const r of rows) for (const k of Object.keys(c)) c[k] += r[engine][k];
  const p = c.tp / (c.tp + c.fp);
  const rc = c.tp / (c.tp + c.fn);
  return {
    ...c,
    p,
    r: rc,
    f1: (2 * c.tp) / (2 * c.tp + c.fp + c.fn),
    empty: rows.filter((x) => !x[engine].chars).length,
    // Pages where not one "with" snippet was found: the article missed altogether.
    lost: rows.filter((x) => !x[engine].tp).length,
    ms: median(rows.map((x) => x[engine].ms)),
    warm: median(rows.map((x) => x[engine].warmMs)),
    cpu: median(rows.map((x) => x[engine].cpuMs)),
  };
}

const failed = results.filter((r) => r.error);
const md = ['## Extraction on trafilatura\'s evaluation pages', ''];
md.push(
  `${new Date().toISOString()}, \`npm run corpus:snippets\` (tests/bench/snippets.mjs): ${results.length} real pages of trafilatura's evaluation set (tests/evaldata.json of https://github.com/adbar/trafilatura; read in place, never copied), each in Chromium ${version} headless with the page's own JavaScript disabled and no network. In the same run (${HOW_RUN}): the one-file bundle (with its reader script), the npm entry and Readability 0.6.0. Scored as trafilatura scores itself: each page lists up to 6 snippets that must be in the extracted text and up to 6 that must not; counts summed over pages, then precision, recall and F1, in %. "Lost": pages where not one of the snippets that must be there was found. ${CONCURRENCY} pages at a time on ${cpus().length} shared CPUs (load ${loadBefore.toFixed(1)} -> ${loadavg()[0].toFixed(1)}); took ${seconds.toFixed(0)} s.`,
  '',
  'Split by a hash (SHA-256 of `accessible-reader split:trafilatura:<file>`, first byte < 128: tuning); held-out pages are reported as means only.',
  '',
);
if (failed.length) md.push(`Pages that could not be run (counted as empty for every engine): ${failed.length} (${failed.map((r) => `${r.file}: ${r.error}`).slice(0, 5).join('; ')}).`, '');
for (const split of ['held-out', 'tune']) {
  const rows = results.filter((r) => r.split === split);
  if (!rows.length) continue;
  md.push(`### ${split === 'held-out' ? 'Held out (unseen)' : 'Tuning part'}: ${rows.length} pages`, '');
  md.push('| engine | F1 | P | R | TP / FN / FP | empty | lost | ms / page (median) | ms, second call | CPU ms, both calls |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const engine of ENGINES) {
    const s = summary(rows, engine);
    md.push(`| ${LABEL[engine]} | **${pct(s.f1)}** | ${pct(s.p)} | ${pct(s.r)} | ${s.tp} / ${s.fn} / ${s.fp} | ${s.empty} | ${s.lost} | ${ms(s.ms)} | ${ms(s.warm)} | ${ms(s.cpu)} |`);
  }
  md.push('');
}
const text = md.join('\n');
saveReport('snippets', text, results, 'tune');
if (FULL) {
  // Kept before the "Extraction corpus" section, which `npm run corpus` rewrites at the end of the file.
  writeResultsSection("Extraction on trafilatura's evaluation pages", text, 'Extraction corpus');
  log("wrote the \"Extraction on trafilatura's evaluation pages\" section of tests/bench/RESULTS.md");
}
