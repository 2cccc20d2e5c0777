// `npm run corpus`: article extraction scored against human ground truth on real pages nobody here wrote.
//
//   node tests/bench/corpus.mjs      CORPUS_DIR=…/shared/corpus  CONCURRENCY=4  SPLIT=all|tune|held-out
//                                    DATASETS=dragnet,cleaneval  LIMIT=50  CHROMIUM_PATH=/usr/bin/chromium
//
// Reads the public corpus in place (../shared/corpus, see its README: never copy or commit it) and skips with a
// message when it is absent. Each page is loaded in real Chromium with the page's own JavaScript disabled and
// no network (as the datasets' annotators saw them), then, in the same run: the one-file bundle
// (dist/accessible-reader-retrofit.js with the reader script beside it), the npm entry (src/index.ts built
// as one script) and Mozilla Readability 0.6.0 on a clone of the document. All three are scored with the
// corpus README's tokenizer (token F1 per page, unweighted means).
//
// Pages are split for good by a hash of `dataset:id`: the tuning half may be looked at page by page
// (bench-results/corpus-tune.json lists every tuning page's scores); the held-out half is only ever reported
// as means. A full run (SPLIT=all, no DATASETS/LIMIT) writes the "Extraction corpus" section at the end of
// tests/bench/RESULTS.md and bench-results/corpus.md.
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINES, HOW_RUN, LABEL, median, ms, pct, runOnPages, saveReport, splitOf, tokenRow, tokenSummary, writeResultsSection } from './extraction-engines.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const started = Date.now();
const log = (...a) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s]`, ...a);

// The corpus sits beside the repository (../shared/corpus); a worktree one level deeper looks one more up.
const CORPUS = [process.env.CORPUS_DIR, resolve(ROOT, '../shared/corpus'), resolve(ROOT, '../../shared/corpus')].find((d) => d && existsSync(join(d, 'README.md')));
if (!CORPUS) {
  console.log(`npm run corpus: skipped, no corpus at ${resolve(ROOT, '../shared/corpus')} (set CORPUS_DIR to where it is).`);
  process.exit(0);
}

const DATASETS = ['dragnet', 'google-trends-2017', 'cleaneval', 'chinese-wce'];
const CONCURRENCY = Math.max(1, Number(process.env.CONCURRENCY ?? 4));
const SPLIT = process.env.SPLIT ?? 'all';
const ONLY = process.env.DATASETS?.split(',');
const LIMIT = Number(process.env.LIMIT ?? Infinity);
const IDS = process.env.IDS?.split(',');
const FULL = SPLIT === 'all' && !ONLY && !IDS && !Number.isFinite(LIMIT);

function readManifest(dataset) {
  const [head, ...rows] = readFileSync(join(CORPUS, dataset, 'manifest.tsv'), 'utf8').trim().split('\n');
  const cols = head.split('\t');
  return rows.map((row) => Object.fromEntries(row.split('\t').map((v, i) => [cols[i], v])));
}

const pages = [];
for (const dataset of DATASETS) {
  if (ONLY && !ONLY.includes(dataset)) continue;
  let n = 0;
  for (const row of readManifest(dataset)) {
    const split = splitOf(dataset, row.id);
    if (SPLIT !== 'all' && split !== SPLIT) continue;
    if (IDS && !IDS.includes(row.id)) continue;
    if (n++ >= LIMIT) break;
    pages.push({ dataset, id: row.id, split, truth: readFileSync(join(CORPUS, dataset, 'truth', `${row.id}.txt`), 'utf8') });
  }
}

const loadBefore = loadavg()[0];
const { results, version: chromiumVersion } = await runOnPages({
  pages,
  from: CORPUS,
  concurrency: CONCURRENCY,
  log,
  handler(req, res) {
    const m = /^\/([\w-]+)\/([\w.-]+)\.html$/.exec(req.url ?? '');
    const file = m && DATASETS.includes(m[1]) ? join(CORPUS, m[1], 'html', `${m[2]}.html`) : '';
    if (file && existsSync(file)) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
    else res.writeHead(404).end();
  },
  pathOf: (p) => `/${p.dataset}/${p.id}.html`,
  score(p, got) {
    const row = { dataset: p.dataset, id: p.id, split: p.split };
    if (got) for (const e of ENGINES) row[e] = { ...tokenRow(got[e], p.truth), cloneMs: got[e].cloneMs, chars: got[e].text.length };
    return row;
  },
});
const seconds = (Date.now() - started) / 1000;
log(`done: ${results.length} pages in ${seconds.toFixed(0)} s`);

// ---- Report ----
const failed = results.filter((r) => r.error);
const md = [];
md.push('## Extraction corpus', '');
md.push(
  `${new Date().toISOString()}, \`npm run corpus\` (tests/bench/corpus.mjs): ${results.length} real pages of the public corpus (../shared/corpus, four datasets with human ground truth; read in place, never copied), each in Chromium ${chromiumVersion} headless with the page's own JavaScript disabled and no network, as the annotators saw them. In the same run (${HOW_RUN}): the one-file bundle (with the reader script beside it, which brings Readability), the npm entry and Readability 0.6.0. Token F1 per page with the corpus README's tokenizer, unweighted means, in %. Extracted text: our \`extract(document).text\` (lead and body, no title) and Readability's \`textContent\`. Time: median ms of script per page around the call (Readability: clone + parse; its clone alone is given below), at the first call on the page and at a second call right after (the first includes compiling the engine's code; the second is the work alone); ours runs with a 10 s time limit instead of its default 200 ms, since Readability has none. ${CONCURRENCY} pages at a time on ${cpus().length} shared CPUs (load ${loadBefore.toFixed(1)} -> ${loadavg()[0].toFixed(1)}); took ${seconds.toFixed(0)} s.`,
  '',
  'The split is fixed by a hash (SHA-256 of `accessible-reader split:<dataset>:<id>`, first byte < 128: tuning). Rules were tuned looking at tuning pages only; **held-out pages were never looked at one by one** and are reported here as means only.',
  '',
);
if (failed.length) md.push(`Pages that could not be run (counted as empty for every engine): ${failed.length} (${failed.map((r) => `${r.dataset}/${r.id}: ${r.error}`).slice(0, 5).join('; ')}).`, '');
for (const split of ['held-out', 'tune']) {
  const rows = results.filter((r) => r.split === split);
  if (!rows.length) continue;
  md.push(`### ${split === 'held-out' ? 'Held out (unseen)' : 'Tuning part'}: ${rows.length} pages`, '');
  md.push('| dataset | pages | engine | F1 | P | R | empty | F1 < 0.5 | below Readability | ms / page (median) | ms, second call | CPU ms, both calls |', '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const dataset of [...DATASETS.filter((d) => rows.some((r) => r.dataset === d)), 'all']) {
    const subset = dataset === 'all' ? rows : rows.filter((r) => r.dataset === dataset);
    for (const engine of ENGINES) {
      const s = tokenSummary(subset, engine);
      const name = dataset === 'all' ? '**all**' : dataset;
      const f1 = dataset === 'all' ? `**${pct(s.f1)}**` : pct(s.f1);
      md.push(`| ${name} | ${s.n} | ${LABEL[engine]} | ${f1} | ${pct(s.p)} | ${pct(s.r)} | ${s.empty} | ${s.gross} | ${s.below ?? ''} | ${ms(s.ms)} | ${ms(s.warm)} | ${ms(s.cpu)} |`);
    }
  }
  const clone = median(rows.map((r) => r.readability?.cloneMs));
  const fallback = rows.filter((r) => r.npm?.platform === 'readability').length;
  md.push('', `Readability's clone of the document alone: ${ms(clone)} ms median. The npm entry fell back to Readability on ${fallback} of ${rows.length} pages.`, '');
}

const text = md.join('\n');
saveReport('corpus', text, results, 'tune');
if (FULL) {
  writeResultsSection('Extraction corpus', text);
  log('wrote the "Extraction corpus" section of tests/bench/RESULTS.md');
}
