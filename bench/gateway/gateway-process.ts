import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on loopback (asked from the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * editor-gateway in a process of its own, started from source exactly as `main.ts` starts
 * it (startService), so the benchmark measures the service and not code in this process.
 * Its file-descriptor limit is raised in the shell that execs it: one socket per client.
 */
export async function startGateway(env: Record<string, string>, fdLimit: number): Promise<{ child: ChildProcess; url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn('bash', ['-c', `ulimit -n ${fdLimit} 2>/dev/null; exec node tools/build/run-ts.js apps/editor-gateway/src/main.ts`], {
    cwd: process.cwd(),
    env: { ...process.env, ...env, HTTP_PORT: String(port), LOG_LEVEL: env.LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`editor-gateway exited with code ${child.exitCode} before it was ready`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error('editor-gateway did not become ready within 90 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
    });
  return { child, url, stop };
}
