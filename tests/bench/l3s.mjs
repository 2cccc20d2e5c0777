// `npm run corpus:l3s`: the unseen check. Extraction on L3S-GN1 (621 English news articles from 408 sites,
// crawled from Google News in 2008, every text block labelled by people), a set no rule of ours had been tuned
// or looked at on when it was first run (all 621 pages, means only: RESULTS.md). From then on it is split as the
// other sets are: the tuning half may be looked at page by page (bench-results/l3s-tune.json), the held-out
// half only ever as means.
//
//   node tests/bench/l3s.mjs    L3S_DIR=…/L3S-GN1  CONCURRENCY=3  SPLIT=all|tune|held-out  LIMIT=50
//
// The pages belong to the L3S Research Center (Kohlschütter, Fankhauser, Nejdl: "Boilerplate Detection using
// Shallow Text Features", WSDM 2010; research use only): read in place from a copy beside the repo, never
// copied or committed; skipped with a message when there is none. The dataset's HTML conversion of its WARC
// archive (folders original/ and annotated/) is what is read; one copy is in https://github.com/geodrome/page-signal
// (folder L3S-GN1-20100130203947-00001).
// Truth: the blocks the annotators labelled full text (x-nc-sel2) or supplemental (x-nc-sel3: captions,
// subheadings); the headline (sel1) is left out, as each engine's text leaves the title out. Scored as `npm run
// corpus` scores: token F1 per page, unweighted means, the same engines in the same run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import { ENGINES, HOW_RUN, LABEL, median, ms, pct, runOnPages, saveReport, servedByIndex, splitOf, tokenRow, tokenSummary, writeResultsSection } from './extraction-engines.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const started = Date.now();
const log = (...a) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s]`, ...a);

const DIR = [process.env.L3S_DIR, resolve(ROOT, '../l3s-gn1'), resolve(ROOT, '../unseen-l3s-gn1')].find((d) => d && existsSync(join(d, 'annotated')) && existsSync(join(d, 'original')));
if (!DIR) {
  console.log(`npm run corpus:l3s: skipped, no copy of L3S-GN1 with original/ and annotated/ (set L3S_DIR, or copy the folder L3S-GN1-20100130203947-00001 of https://github.com/geodrome/page-signal to ${resolve(ROOT, '../l3s-gn1')}).`);
  process.exit(0);
}
const CONCURRENCY = Math.max(1, Number(process.env.CONCURRENCY ?? 3));
const LIMIT = Number(process.env.LIMIT ?? Infinity);
const SPLIT = process.env.SPLIT ?? 'all';

/** The text of the blocks labelled full text or supplemental, in page order, one block per line. */
function truthOf(annotatedHtml) {
  const blocks = [];
  const walk = (node, inTruth) => {
    const cls = node.attrs?.find((a) => a.name === 'class')?.value ?? '';
    const here = inTruth || /\bx-nc-sel[23]\b/.test(cls);
    if (node.nodeName === '#text') {
      if (inTruth) blocks.push(node.value);
      return;
    }
    if (node.nodeName === 'script' || node.nodeName === 'style') return;
    for (const child of node.childNodes ?? []) walk(child, here);
    if (here && !inTruth) blocks.push('\n');
  };
  walk(parse(annotatedHtml), false);
  return blocks.join('').replace(/[ \t\u00a0]+/g, ' ').replace(/\n\s*/g, '\n').trim();
}

/** Each page's site (its address's last two labels), from the dataset's url-mapping.txt. */
function sitesOf(dir) {
  const sites = new Map();
  const mapping = join(dir, 'url-mapping.txt');
  if (!existsSync(mapping)) return sites;
  for (const line of readFileSync(mapping, 'utf8').split('\n')) {
    const [urn, url] = line.split('\t');
    const id = /uuid:([\w-]+)/.exec(urn ?? '')?.[1];
    try {
      if (id && url) sites.set(`${id}.html`, new URL(url.trim()).hostname.split('.').slice(-2).join('.'));
    } catch {
      // An address that does not parse names no site.
    }
  }
  return sites;
}

const all = readdirSync(join(DIR, 'annotated'))
  .filter((file) => file.endsWith('.html') && existsSync(join(DIR, 'original', file)))
  .sort()
  .map((file) => ({ file, split: splitOf('l3s', file) }));
// The split is by page, and 408 sites gave 621 pages: a held-out page from a site with pages in the tuning half
// is not wholly unseen (its site's template was). The held-out pages of sites never in the tuning half are.
const site = sitesOf(DIR);
const tunedSites = new Set(all.filter((p) => p.split === 'tune').map((p) => site.get(p.file)).filter(Boolean));
const chosen = all
  .map((p) => ({ ...p, newSite: p.split === 'held-out' && site.has(p.file) && !tunedSites.has(site.get(p.file)) }))
  .filter((p) => SPLIT === 'all' || p.split === SPLIT)
  .slice(0, LIMIT);
const pages = chosen.map((p) => ({ ...p, truth: truthOf(readFileSync(join(DIR, 'annotated', p.file), 'utf8')) })).filter((p) => p.truth);
const noTruth = chosen.length - pages.length;

const loadBefore = loadavg()[0];
// The files are the crawl's HTML re-encoded as UTF-8, many still declaring ISO-8859-1: the header says what they are.
const served = servedByIndex(pages, (p) => readFileSync(join(DIR, 'original', p.file)), 'text/html; charset=utf-8');
const { results, version } = await runOnPages({
  pages,
  from: DIR,
  concurrency: CONCURRENCY,
  log,
  ...served,
  score(p, got) {
    const row = { id: p.file, split: p.split, newSite: p.newSite };
    if (got) for (const e of ENGINES) row[e] = tokenRow(got[e], p.truth);
    return row;
  },
});
const seconds = (Date.now() - started) / 1000;
log(`done: ${results.length} pages in ${seconds.toFixed(0)} s`);

const failed = results.filter((r) => r.error);
const md = ['## Extraction on L3S-GN1 (unseen)', ''];
md.push(
  `${new Date().toISOString()}, \`npm run corpus:l3s\` (tests/bench/l3s.mjs): ${results.length} English news articles of L3S-GN1 (Kohlschütter et al., WSDM 2010: 621 pages from 408 sites, crawled from Google News in 2008, each text block labelled by people; research use only, read in place, never copied)${noTruth ? `, less ${noTruth} with no block labelled full text` : ''}. Its first run (2026-12-02, 92.6 / 92.6 / 93.3 over all pages) came before any rule was tuned or any page looked at on it; since then only the tuning half may be looked at page by page. Each page in Chromium ${version} headless with the page's own JavaScript disabled and no network; in the same run (${HOW_RUN}), the one-file bundle (with its reader script), the npm entry and Readability 0.6.0. Truth: the blocks labelled full text or supplemental (captions, subheadings), not the headline. Token F1 per page as \`npm run corpus\` scores it, unweighted means in %; time as there (median script ms around the call, first and second call on the page). ${CONCURRENCY} pages at a time on ${cpus().length} shared CPUs (load ${loadBefore.toFixed(1)} -> ${loadavg()[0].toFixed(1)}); took ${seconds.toFixed(0)} s.`,
  '',
);
if (failed.length) md.push(`Pages that could not be run (counted as empty for every engine): ${failed.length} (${failed.map((r) => `${r.id}: ${r.error}`).slice(0, 5).join('; ')}).`, '');
md.push(
  `The split is fixed by a hash (SHA-256 of \`accessible-reader split:l3s:<file>\`, first byte < 128: tuning). It is by page, and many sites gave several pages: ${results.filter((r) => r.split === 'held-out' && !r.newSite).length} held-out pages come from sites with pages in the tuning half, whose templates were seen; the first row is the held-out pages of the other sites, the wholly unseen part.`,
  '',
);
md.push('| part | engine | pages | F1 | P | R | empty | F1 < 0.5 | below Readability | ms / page (median) | ms, second call | CPU ms, both calls |', '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
// Both halves, then all pages when the run had both.
const parts = ['held-out', 'tune'].filter((part) => results.some((r) => r.split === part));
const shown = [...(parts.includes('held-out') && results.some((r) => r.newSite) ? ['held-out, sites not in the tuning half'] : []), ...(parts.length > 1 ? [...parts, 'all'] : parts)];
for (const part of shown) {
  const rows = part === 'all' ? results : part.startsWith('held-out,') ? results.filter((r) => r.newSite) : results.filter((r) => r.split === part);
  for (const engine of ENGINES) {
    const s = tokenSummary(rows, engine);
    md.push(`| ${part} | ${LABEL[engine]} | ${s.n} | **${pct(s.f1)}** | ${pct(s.p)} | ${pct(s.r)} | ${s.empty} | ${s.gross} | ${s.below ?? ''} | ${ms(s.ms)} | ${ms(s.warm)} | ${ms(s.cpu)} |`);
  }
}
const fallback = results.filter((r) => r.npm?.platform === 'readability').length;
const slower = median(results.map((r) => r.bundle?.warmMs / r.readability?.warmMs));
md.push('', `The npm entry fell back to Readability on ${fallback} of ${results.length} pages. Second call, bundle / Readability per page: median ${slower.toFixed(2)}x.`, '');

const text = md.join('\n');
saveReport('l3s', text, results, 'tune');
if (SPLIT === 'all' && !Number.isFinite(LIMIT)) {
  writeResultsSection('Extraction on L3S-GN1 (unseen)', text);
  log('wrote the "Extraction on L3S-GN1 (unseen)" section of tests/bench/RESULTS.md');
}
