/** A folder served as a plain web server serves a site's root, on 127.0.0.1, recording what it could not find. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

/**
 * Serves `dir` as a web server serves a project's root; `api` answers extra paths (`/api/related.json`). Every
 * request that ends in an error status is recorded in `failures`.
 */
export async function serve(dir: string, api: Record<string, string> = {}): Promise<{ origin: string; failures: string[]; close: () => void }> {
  const failures: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path in api) return void res.writeHead(200, { 'content-type': TYPES['.json'] }).end(api[path]);
    // Browsers ask for an icon the pages do not declare: no content, not a failure.
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir.endsWith(sep) ? dir : dir + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      failures.push(`404 ${path}`);
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=600' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, failures, close: () => server.close() };
}
