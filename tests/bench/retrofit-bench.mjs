// Benchmark of the retrofit engine on a generated page of about 10,000 elements, in headless Chromium, using
// the built one-file bundle (packages/retrofit/dist/accessible-reader-retrofit.js: run the package build first).
//   node tests/bench/retrofit-bench.mjs            (CHROMIUM_PATH=/path/to/chrome to use another browser)
// Prints the median of each operation: script time (what the engine runs synchronously, including the style
// reads it forces), and script + the browser's style and layout work that follows (forced right after).
// Targets: retrofit() < 50 ms, each update() < 16 ms of script. Not a pass/fail test.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const BUNDLE = fileURLToPath(new URL('../../packages/retrofit/dist/accessible-reader-retrofit.js', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 9);
if (!existsSync(BUNDLE)) {
  console.error('Build first: npm run build -w @accessible-reader/retrofit');
  process.exit(1);
}

/** A portal-like page: fixed-width floats, px fonts (some !important), sidebars, counters, a big footer. */
function generatePage() {
  const words = 'Ủy ban nhân dân phường tổ chức hội nghị triển khai kế hoạch chuyển đổi số, hỗ trợ người cao tuổi sử dụng dịch vụ công trực tuyến tại khu dân cư'.split(' ');
  const sentence = (n, i) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
  const paragraphs = Array.from({ length: 400 }, (_, i) =>
    `<p style="text-align:justify"><span style="font-size:14pt">${sentence(30, i)}, <strong>${sentence(4, i + 1)}</strong> <a href="/tin-tuc/bai-${i}.html">${sentence(3, i + 2)}</a>.</span></p>`).join('\n');
  const nav = Array.from({ length: 400 }, (_, i) => `<li><a href="/chuyen-muc/${i}">${sentence(2, i)}</a></li>`).join('');
  const panels = Array.from({ length: 120 }, (_, i) =>
    `<div class="panel"><div class="panel-title">${i % 10 === 0 ? 'Thống kê truy cập' : i % 10 === 1 ? 'Văn bản mới' : `Chuyên mục ${i}`}</div><ul>${Array.from({ length: 8 }, (_, k) => `<li><a href="/van-ban/${i}-${k}.html">${sentence(6, i + k)}</a></li>`).join('')}</ul></div>`).join('\n');
  const footer = Array.from({ length: 2600 }, (_, i) => `<span class="cell"><a href="/lien-ket/${i}">${sentence(1, i)}</a></span>`).join('');
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Bài viết thử - Cổng thông tin</title><style>
body{margin:0;font:13px/18px Arial,sans-serif;color:#555}
.wrap{width:1180px;margin:0 auto}.head{height:80px;background:#a00;color:#fff;font-size:26px}
.menu{height:36px;overflow:hidden}.menu li{display:inline-block;font-size:12px}
.main{float:left;width:860px}.side{float:right;width:300px;font-size:12px !important}
article h1{font-size:22px;line-height:26px}article p{font-size:13px!important;line-height:18px}
.panel-title{height:24px;font-weight:bold;background:#eee}.cell{display:inline-block;width:80px;font-size:11px}
.share a{font-size:11px}.foot{clear:both;background:#333;color:#ccc}
</style></head><body><div class="wrap"><div class="head">Cổng thông tin điện tử</div><ul class="menu">${nav}</ul>
<div class="main"><article><h1>Phường tổ chức hội nghị chuyển đổi số năm 2025</h1><div class="date">Ngày 12/10/2025</div>
<div class="share"><a href="#">Facebook</a> <a href="#">Zalo</a> <span>Chia sẻ</span></div>
<div class="body">${paragraphs}<p><strong>Tin, ảnh: Mai Phương</strong></p></div></article></div>
<div class="side">${panels}</div><div class="foot">${footer}</div></div></body></html>`;
}

const median = (list) => {
  const s = [...list].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.setContent(generatePage());
  await page.addScriptTag({ content: readFileSync(BUNDLE, 'utf8') });
  const result = await page.evaluate(async (runs) => {
    const AR = window.AccessibleReader;
    const times = {};
    const time = (name, fn) => {
      const t0 = performance.now();
      const out = fn();
      const t1 = performance.now();
      void document.body.offsetHeight; // the style and layout the change causes
      const t2 = performance.now();
      (times[name] ??= []).push([t1 - t0, t2 - t0]);
      return out;
    };
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const idle = () => new Promise((r) => requestIdleCallback(() => frame().then(r), { timeout: 3000 }));
    // The engine measures text sizes when the browser is idle after retrofit(): time those callbacks too.
    const ric = window.requestIdleCallback.bind(window);
    window.requestIdleCallback = (cb, options) =>
      ric((deadline) => {
        const t0 = performance.now();
        cb(deadline);
        (times['idle-time measurement after retrofit() (not blocking)'] ??= []).push([performance.now() - t0, performance.now() - t0]);
      }, options);
    const elements = document.getElementsByTagName('*').length;
    const before = new XMLSerializer().serializeToString(document.documentElement);
    let identical = true;
    let platform = '';
    for (let i = 0; i < runs; i++) {
      const session = time('retrofit() with defaults', () => AR.retrofit(document));
      platform = session.article?.platform ?? 'none';
      await idle();
      time('update fontScale 1 -> 2', () => session.update({ fontScale: 2 }));
      await frame();
      time('update fontScale 2 -> 1.5', () => session.update({ fontScale: 1.5 }));
      await frame();
      time('update contrast off -> high', () => session.update({ contrast: 'high' }));
      await frame();
      time('update contrast high -> dark', () => session.update({ contrast: 'dark' }));
      await frame();
      time('update spacing off -> wcag', () => session.update({ spacing: 'wcag' }));
      await frame();
      time('update hideClutter -> true', () => session.update({ hideClutter: true }));
      await frame();
      time('update font -> legible', () => session.update({ font: 'legible' }));
      await frame();
      time('update toolbar -> true', () => session.update({ toolbar: true }));
      await frame();
      time('undo()', () => session.undo());
      await frame();
      const early = AR.retrofit(document);
      time('update fontScale 1 -> 2 in the same task as retrofit()', () => early.update({ fontScale: 2 }));
      early.undo();
      await frame();
      const full = time('retrofit() with everything on', () => AR.retrofit(document, { fontScale: 2, contrast: 'high', spacing: 'wcag', font: 'legible', hideClutter: true, toolbar: true }));
      await frame();
      time('undo() after everything', () => full.undo());
      identical &&= new XMLSerializer().serializeToString(document.documentElement) === before;
      await frame();
    }
    return { times, elements, identical, platform };
  }, RUNS);

  const gzip = gzipSync(readFileSync(BUNDLE), { level: 9 }).length;
  console.log(`Page: ${result.elements} elements (article found by the ${result.platform} adapter); ${RUNS} runs; Chromium headless, 1280x900.`);
  console.log(`Bundle: ${(gzip / 1024).toFixed(1)} KB gzip. Undo identical after every run: ${result.identical}.\n`);
  const rows = Object.entries(result.times).map(([name, list]) => [name, median(list.map((t) => t[0])), median(list.map((t) => t[1]))]);
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`${'operation'.padEnd(w)} | script ms | + style/layout ms | target`);
  console.log(`${'-'.repeat(w)}-|-----------|-------------------|-------`);
  for (const [name, script, total] of rows) {
    const target = name.startsWith('retrofit') ? '< 50' : name.startsWith('update') && !name.includes('same task') ? '< 16' : '';
    console.log(`${name.padEnd(w)} | ${script.toFixed(1).padStart(9)} | ${total.toFixed(1).padStart(17)} | ${target}`);
  }
} finally {
  await browser.close();
}
