import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Starts packages/demo-site/serve.mjs on a port the system picks (PORT=0) and resolves with the origin it prints
 * once it listens. (A port chosen at random here was at times already taken: one run in a few failed.)
 */
export async function startDemoServer(): Promise<{ origin: string; stop: () => void }> {
  const script = fileURLToPath(new URL('../../packages/demo-site/serve.mjs', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, [script], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`demo server exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const listening = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (listening) resolve(listening[1]!);
    });
  });
  return { origin, stop: () => child.kill() };
}
