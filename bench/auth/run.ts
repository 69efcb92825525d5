// Session resolutions per second through @imad/sessions against real Redis, beside a plain
// GET of the same key in the same run, at the same concurrency: the ratio is the library's
// cost (cookie parsing, sha256, JSON parsing, and a renewal script instead of the GET once a
// minute per session — a student's first request after a quiet minute).
//   npm run bench:auth -- [--seconds=5] [--concurrency=1,32] [--sessions=2000] [--rounds=3]
// Rounds alternate baseline and library so drift on a shared machine hits both alike;
// the median round is reported.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { SESSION_PREFIX, SessionStore, sha256Hex } from '@imad/sessions';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const seconds = Number(args.seconds ?? 5);
const levels = (args.concurrency ?? '1,32').split(',').map(Number);
const sessionCount = Number(args.sessions ?? 2000);
const rounds = Number(args.rounds ?? 3);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const redis = new Redis(redisUrl, { connectionName: 'bench-auth' });
const store = new SessionStore(redis, { idleTtlSeconds: 3600 });
const userId = `u_bench${randomBytes(6).toString('hex')}`;
const sessions = await Promise.all(
  Array.from({ length: sessionCount }, async () => {
    const issued = await store.create({ userId, login: 'bench', appName: 'bench', provider: 'local' });
    return { cookie: `imad_csrf=${issued.csrfToken}; imad_session=${issued.id}`, key: SESSION_PREFIX + sha256Hex(issued.id) };
  }),
);

interface Run {
  opsPerSecond: number;
  latencyMs: { p50: number; p99: number };
  errors: number;
}

async function measure(concurrency: number, op: (i: number) => Promise<unknown>): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          if (!(await op(n++ % sessions.length))) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Number(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(3));
  return { opsPerSecond: Math.round(latencies.length / elapsed), latencyMs: { p50: at(0.5), p99: at(0.99) }, errors };
}

const median = (runs: Run[]) => [...runs].sort((a, b) => a.opsPerSecond - b.opsPerSecond)[Math.floor(runs.length / 2)];
const plainGet = (i: number) => redis.get(sessions[i].key);
const resolve = (i: number) => store.resolveSession(sessions[i].cookie);
// A store that has never seen the session: every call takes the renewal script, as a
// student's first request after a quiet minute does.
const resolveDue = (i: number) => new SessionStore(redis, { idleTtlSeconds: 3600 }).resolveSession(sessions[i].cookie);

// Warm up: load the script into Redis and the JIT.
await measure(8, resolve);
await measure(8, plainGet);

const results = [];
for (const concurrency of levels) {
  const baseline: Run[] = [];
  const library: Run[] = [];
  const due: Run[] = [];
  for (let r = 0; r < rounds; r++) {
    baseline.push(await measure(concurrency, plainGet));
    library.push(await measure(concurrency, resolve));
    due.push(await measure(concurrency, resolveDue));
  }
  const [b, l, d] = [median(baseline), median(library), median(due)];
  const ratio = Number((l.opsPerSecond / b.opsPerSecond).toFixed(3));
  const ratioRenewalDue = Number((d.opsPerSecond / b.opsPerSecond).toFixed(3));
  const perRound = (runs: Run[]) => runs.map((x) => x.opsPerSecond);
  results.push({ concurrency, baseline: b, library: l, renewalDue: d, ratio, ratioRenewalDue, rounds: { baseline: perRound(baseline), library: perRound(library), renewalDue: perRound(due) } });
  const show = (run: Run) => `${run.opsPerSecond.toLocaleString('en')}/s (p50 ${run.latencyMs.p50} ms)`;
  console.log(
    `concurrency ${String(concurrency).padStart(3)}: plain GET ${show(b)} | resolveSession ${show(l)} ratio ${ratio} | ` +
      `renewal due ${show(d)} ratio ${ratioRenewalDue}`,
  );
}

await store.destroyAllForUser(userId);
await redis.quit();

const report = {
  bench: 'auth',
  what: 'session resolutions/s via @imad/sessions resolveSession(cookie) vs plain Redis GET of the same key, same run, same concurrency; renewalDue = every call takes the renewal script (first use in a minute)',
  at: new Date().toISOString(),
  host: { cpus: os.cpus().length, loadavg: os.loadavg().map((x) => Number(x.toFixed(2))), node: process.version },
  redis: redisUrl.replace(/\/\/[^@]*@/, '//'),
  params: { seconds, rounds, sessions: sessionCount, levels },
  results,
};
const dir = path.resolve(process.cwd(), 'bench/results');
await mkdir(dir, { recursive: true });
const file = path.join(dir, `auth-${report.at.replace(/[:.]/g, '-')}.json`);
await writeFile(file, JSON.stringify(report, null, 2) + '\n');
console.log(`written ${path.relative(process.cwd(), file)}`);
