import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface Worker {
  proc: ChildProcess;
  metricsUrl: string;
  exited: Promise<number | null>;
}

// Whatever happens to the bench (a broker restarted under it, Ctrl-C), no worker outlives it.
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const p of running) p.kill('SIGKILL');
});

let built: string | undefined;

/**
 * The service as it ships (dist/apps/deployer/main.js), built once per bench run from the
 * working tree, so workers spend no CPU on bundling and measure what production runs.
 */
function deployerBundle(root: string): string {
  if (!built) {
    execFileSync(process.execPath, [path.join(root, 'tools/build/build-service.js'), 'deployer'], { cwd: root, stdio: 'inherit' });
    built = path.join(root, 'dist/apps/deployer/main.js');
  }
  return built;
}

/** Starts `count` deployer processes on one queue and waits until each takes requests. */
export async function startWorkers(root: string, count: number, env: Record<string, string>): Promise<Worker[]> {
  const main = deployerBundle(root);
  return Promise.all(Array.from({ length: count }, () => startWorker(main, root, env)));
}

function startWorker(main: string, root: string, env: Record<string, string>): Promise<Worker> {
  // BENCH_WORKER_NODE_OPTIONS, e.g. "--cpu-prof --cpu-prof-dir=bench/results/profiles", profiles each worker.
  const nodeOptions = process.env.BENCH_WORKER_NODE_OPTIONS;
  const proc = spawn(process.execPath, ['--enable-source-maps', main], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HTTP_PORT: '0', LOG_LEVEL: 'info', ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(proc);
  const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve));
  void exited.then(() => running.delete(proc));
  return new Promise((resolve, reject) => {
    let port: string | undefined;
    let taking = false;
    let tail = '';
    const timer = setTimeout(() => reject(new Error(`worker did not start in 120 s:\n${tail.slice(-2000)}`)), 120_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      port ??= /"url":"http:\/\/[^"]*:(\d+)\/?"/.exec(text)?.[1];
      taking ||= text.includes('deployer taking deploy requests');
      if (port && taking) {
        clearTimeout(timer);
        // Keep draining output (info logs) without holding it.
        proc.stdout!.removeListener('data', onData);
        proc.stdout!.resume();
        resolve({ proc, exited, metricsUrl: `http://127.0.0.1:${port}/metrics` });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (c: Buffer) => (tail = (tail + c.toString()).slice(-4000)));
    void exited.then((code) => reject(new Error(`worker exited with ${code} during start:\n${tail.slice(-2000)}`)));
  });
}

export async function stopWorkers(workers: Worker[]): Promise<void> {
  for (const w of workers) w.proc.kill('SIGTERM');
  await Promise.all(workers.map((w) => w.exited));
}

/** Sums a Prometheus counter's samples across workers, filtered by label values. */
export async function scrapeSum(workers: Worker[], metric: string, labels: Record<string, string> = {}): Promise<number> {
  let sum = 0;
  for (const w of workers) {
    const text = await (await fetch(w.metricsUrl)).text();
    for (const line of text.split('\n')) {
      if (!line.startsWith(`${metric}{`) && !line.startsWith(`${metric} `)) continue;
      if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) sum += Number(line.split(' ').at(-1));
    }
  }
  return sum;
}

/** Every sample of a counter summed across workers, keyed by its label set (e.g. `verb="apply",code="2xx"`). */
export async function scrapeAll(workers: Worker[], metric: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const w of workers) {
    const text = await (await fetch(w.metricsUrl)).text();
    for (const line of text.split('\n')) {
      const m = new RegExp(`^${metric}\\{([^}]*)\\} (\\S+)$`).exec(line);
      if (!m) continue;
      const labels = m[1]!.split(',').filter((l) => !l.startsWith('service=')).join(',');
      out[labels] = (out[labels] ?? 0) + Number(m[2]);
    }
  }
  return out;
}
