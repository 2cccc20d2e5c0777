import type { Plugin } from 'vite';

/**
 * A real HTTP endpoint inside the Vitest server, so components are tested against the network as it fails
 * in life, not against a stubbed `fetch`.
 *
 *   GET|POST /__test__/respond?status=200&body=<text>&delay=<ms>&mode=hang|close&key=<k>&type=<content-type>
 *     answers `body` with `status` after `delay`; `mode=hang` never answers (until the client gives up),
 *     `mode=close` destroys the connection. Every request counts under `key`.
 *   GET /__test__/hits?key=<k>     -> {"hits": n, "bodies": [request bodies]}
 *   GET /__test__/reset?key=<k>    -> clears that key
 */
export function testServer(): Plugin {
  const hits = new Map<string, string[]>();
  return {
    name: 'accessible-reader-test-server',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://test.invalid');
        if (!url.pathname.startsWith('/__test__/')) return next();
        const key = url.searchParams.get('key') ?? '';
        const send = (status: number, body: string, type = 'application/json') => {
          res.statusCode = status;
          res.setHeader('content-type', type);
          res.setHeader('cache-control', 'no-store');
          res.end(body);
        };
        if (url.pathname === '/__test__/hits') return send(200, JSON.stringify({ hits: hits.get(key)?.length ?? 0, bodies: hits.get(key) ?? [] }));
        if (url.pathname === '/__test__/reset') {
          hits.delete(key);
          return send(200, '{}');
        }
        if (url.pathname !== '/__test__/respond') return send(404, '{"error":"unknown test route"}');
        let requestBody = '';
        req.on('data', (chunk: Buffer) => (requestBody += chunk.toString('utf8')));
        req.on('end', () => {
          if (key) hits.set(key, [...(hits.get(key) ?? []), requestBody]);
          const mode = url.searchParams.get('mode');
          if (mode === 'hang') return; // the client's timeout must end this
          if (mode === 'close') return req.socket.destroy();
          const delay = Number(url.searchParams.get('delay') ?? 0);
          setTimeout(
            () => send(Number(url.searchParams.get('status') ?? 200), url.searchParams.get('body') ?? '', url.searchParams.get('type') ?? 'application/json'),
            Math.min(delay, 30_000),
          );
        });
      });
    },
  };
}
