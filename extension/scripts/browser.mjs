// `npm run browser`: opens Chromium with the built extension (.output/chrome-mv3) on the sample government
// pages, served on 127.0.0.1 under a made-up *.gov.vn name, so that the extension starts as on a real portal.
// Needs a display; on a machine without one it says so and exits. Close the browser window (or Ctrl+C) to stop.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const extension = join(root, '.output/chrome-mv3');
const fixtures = join(root, 'tests/fixtures/gov-pages');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HOST = 'portal.phuong-mau.gov.vn';

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log('npm run browser: no display here (DISPLAY / WAYLAND_DISPLAY unset). Load .output/chrome-mv3 by hand instead: see extension/README.md.');
  process.exit(0);
}
if (!existsSync(join(extension, 'manifest.json'))) {
  console.error('npm run browser: no built extension; run `npm run build:extension` first.');
  process.exit(1);
}
if (!existsSync(chromium)) {
  console.error(`npm run browser: no Chromium at ${chromium}; set CHROMIUM_PATH.`);
  process.exit(1);
}

const pages = readdirSync(fixtures).filter((f) => f.endsWith('.html'));
const server = createServer((req, res) => {
  const name = decodeURIComponent((req.url ?? '/').split('?')[0]).slice(1);
  if (!pages.includes(name)) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const links = pages.map((p) => `<li><a href="/${encodeURIComponent(p)}">${p}</a></li>`).join('');
    res.end(`<!doctype html><html lang="vi"><meta charset="utf-8"><title>Trang mẫu</title><h1>Trang mẫu cổng thông tin</h1><ul>${links}</ul></html>`);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(readFileSync(join(fixtures, name)));
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const profile = mkdtempSync(join(tmpdir(), 'accessible-reader-browser-'));
  const urls = pages.map((p) => `http://${HOST}:${port}/${p}`);
  console.log(`Sample pages on http://${HOST}:${port}/ (mapped to 127.0.0.1). Temporary profile: ${profile}`);
  const child = spawn(
    chromium,
    [
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--no-default-browser-check',
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
      ...urls,
    ],
    { stdio: 'inherit' },
  );
  const stop = () => {
    server.close();
    rmSync(profile, { recursive: true, force: true });
  };
  child.on('exit', () => {
    stop();
    process.exit(0);
  });
  process.on('SIGINT', () => child.kill('SIGTERM'));
});
