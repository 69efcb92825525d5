/** Bench settings from `--key=value` arguments (npm run bench:deploy -- --requests=200 …). */
export interface BenchOptions {
  /** Deploy requests per level (the deadline burst). */
  requests: number;
  /** Simulated students; each request picks one at random (several deploys each). */
  students: number;
  /** Worker process counts, one level each. */
  workers: number[];
  /** Seconds over which the burst's requests arrive. */
  windowSeconds: number;
  prefetch: number;
  /** Client-side rate limit per worker (KUBE_QPS / KUBE_BURST). */
  qps: number;
  burst: number;
  /** Requests sent at a steady rate below capacity after the burst (request→applied when the queue is not backed up). */
  steady: number;
  steadyPerSecond: number;
  /** Concurrency of the plain server-side-apply loop (the ceiling). */
  plainConcurrency: number;
  /** Give up waiting for terminal phases after this long. */
  settleTimeoutSeconds: number;
}

export function parseOptions(argv: string[]): BenchOptions {
  const a = Object.fromEntries(argv.map((s) => s.replace(/^--/, '').split('=') as [string, string | undefined]).map(([k, v]) => [k, v ?? 'true']));
  const num = (k: string, d: number) => {
    const v = a[k] ?? process.env[`BENCH_${k.toUpperCase()}`];
    const n = v === undefined ? d : Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${k} must be a number ≥ 0 (got ${v})`);
    return n;
  };
  return {
    requests: num('requests', 2000),
    students: num('students', 500),
    workers: String(a.workers ?? process.env.BENCH_WORKERS ?? '1,2,4').split(',').map(Number),
    windowSeconds: num('window', 5),
    prefetch: num('prefetch', 20),
    qps: num('qps', 500),
    burst: num('burst', 1000),
    steady: num('steady', 50),
    steadyPerSecond: num('steadyRate', 5),
    plainConcurrency: num('plainConcurrency', 16),
    settleTimeoutSeconds: num('settleTimeout', 600),
  };
}
