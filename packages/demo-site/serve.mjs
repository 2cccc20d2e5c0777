// The local demo site behind `npm start`. Static files only, from a fixed map of folders, on 127.0.0.1;
// plus a tiny in-memory rating API so the demo's <ar-rating> can really send a vote, and the sample portal
// pages served twice: as they are (/samples/) and with the retrofit engine applied (/retrofitted/).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** URL prefix -> folder. Longest prefix first. */
const mounts = [
  ['/vendor/webcomponentsjs/', join(root, 'node_modules/@webcomponents/webcomponentsjs')],
  ['/samples/', join(root, 'tests/fixtures/gov-pages')],
  ['/retrofitted/', join(root, 'tests/fixtures/gov-pages')],
  ['/retrofit/', join(root, 'packages/retrofit/dist')],
  ['/storybook/', join(root, 'storybook-static')],
  ['/extension/', join(root, '.output')],
  ['/components/', join(root, 'packages/components/dist')],
  ['/', join(root, 'packages/demo-site/public')],
];
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.zip': 'application/zip' };
const ratings = [5, 4, 4, 5, 3];

/** The file for a URL path, or null when it is outside every mounted folder. */
function fileFor(pathname) {
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    const file = normalize(join(dir, decodeURIComponent(pathname.slice(prefix.length))));
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    const candidate = existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
    return existsSync(candidate) ? candidate : null;
  }
  return null;
}

/** The sample page with the one-tag engine added, as a portal would add it: 200% text, high contrast, calm page. */
function withEngine(html) {
  const tag = `<script src="/retrofit/accessible-reader-retrofit.js"></script>
<script>AccessibleReader.retrofit(document, { fontScale: 2, contrast: 'high', hideClutter: true, toolbar: true });</script>`;
  return html.includes('</body>') ? html.replace('</body>', `${tag}\n</body>`) : html + tag;
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/api/rating' && req.method === 'POST') {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const value = Number(JSON.parse(body || '{}').value);
      if (!Number.isInteger(value) || value < 1 || value > 5) return void res.writeHead(400).end();
      ratings.push(value);
      const average = ratings.reduce((a, b) => a + b, 0) / ratings.length;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ average, count: ratings.length }));
    });
    return;
  }
  let file = null;
  try {
    // The sample portal pages declare no icon, so browsers ask for /favicon.ico: answer with ours.
    file = fileFor(url.pathname === '/favicon.ico' ? '/favicon.svg' : url.pathname);
  } catch {
    // Malformed percent-encoding: treated as not found.
  }
  if (!file) return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không tìm thấy / Not found');
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  if (url.pathname.startsWith('/retrofitted/') && file.endsWith('.html')) return void res.end(withEngine(readFileSync(file, 'utf8')));
  createReadStream(file).pipe(res);
});

const port = Number(process.env.PORT || 8080);

/** The one line that says why the server cannot start on `port`, for the errors a newcomer meets. */
function portProblem(error) {
  if (error.code === 'EADDRINUSE') return `Accessible Reader demo: port ${port} on 127.0.0.1 is already in use (another npm start?). Stop that program, or choose another port: PORT=${port + 1} npm start`;
  if (error.code === 'EACCES') return `Accessible Reader demo: not allowed to use port ${port}. Choose a port above 1023: PORT=8080 npm start`;
  return null;
}

// `--check-port`: `npm start` asks first, so that a busy port is said at once, not after the builds.
const checkOnly = process.argv.includes('--check-port');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Accessible Reader demo: PORT=${process.env.PORT} is not a port number (0 to 65535).`);
  process.exit(1);
}
server.on('error', (error) => {
  const problem = portProblem(error);
  if (!problem) throw error;
  console.error(problem);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  if (checkOnly) return void server.close();
  // The port bound: PORT=0 asks the system for a free one (what the tests do).
  const origin = `http://127.0.0.1:${server.address().port}`;
  console.log(`Accessible Reader demo: ${origin}/`);
  console.log(`  components demo:     ${origin}/components-demo.html`);
  console.log(`  legacy browsers:     ${origin}/legacy.html`);
  console.log(`  sample pages:        listed on the index, as they are (/samples/…) and with the engine (/retrofitted/…)`);
  console.log(`  Storybook:           ${origin}/storybook/`);
  console.log(`  extension zips:      on the index, with the install steps`);
});
