import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Starts packages/demo-site/serve.mjs on a free port and resolves with its origin once it listens. */
export async function startDemoServer(): Promise<{ origin: string; stop: () => void }> {
  const script = fileURLToPath(new URL('../../packages/demo-site/serve.mjs', import.meta.url));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child: ChildProcess = spawn(process.execPath, [script], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`demo server exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('http://') && resolve());
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}
