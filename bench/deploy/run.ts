// The deadline burst: `requests` deploy requests from `students` simulated students (several
// each, within `window` seconds) through the real pipeline — gateway-style requestDeploy +
// confirmed publish → deployer worker processes → server-side apply to the kube-testenv
// API server → rollout tracker → ready — with 1, 2 and 4 workers. In the same run, per
// level, the plain server-side-apply rate of the same objects on the same API server.
//   npm run bench:deploy -- [--requests=2000] [--students=500] [--workers=1,2,4] [--window=5]
//     [--prefetch=20] [--qps=500] [--burst=1000] [--steady=50] [--steadyRate=5] [--plainConcurrency=16]
// Quick run: npm run bench:deploy -- --requests=200 --students=50 --workers=1 --steady=10
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestNamespace, deleteNamespace, ensureKubeTestEnv } from '@imad/kube-testenv';
import { StatusStore } from '@imad/status';
import { connect } from 'amqplib';
import { Redis } from 'ioredis';
import { dispatch, schedule, type SentDeploy } from './burst';
import { parseOptions } from './options';
import { collect, type Outcomes } from './outcomes';
import { plainApplyRate } from './plain-apply';
import { round, type Percentiles } from './stats';
import { scrapeSum, startWorkers, stopWorkers } from './workers';

const o = parseOptions(process.argv.slice(2));
let root = import.meta.dirname;
while (!existsSync(path.join(root, 'scripts/kube-testenv.sh')) && root !== path.dirname(root)) root = path.dirname(root);
const amqpUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const secret = 'bench-git-read-secret-0123456789';

const env = await ensureKubeTestEnv();
const redis = new Redis(redisUrl);
const store = new StatusStore(redis, { historyLength: 100 });
const amqp = await connect(amqpUrl);
const ch = await amqp.createConfirmChannel();
const run = Date.now().toString(36);
interface Level {
  workers: number;
  burst: Outcomes;
  pipelineObjectsApplied: number;
  pipelineApplyPerSecond: number;
  plainApply: Awaited<ReturnType<typeof plainApplyRate>>;
  /** Pipeline objects applied per second ÷ plain SSA objects per second (target ≥ 0.7 with 4 workers). */
  ratioToPlainApply: number;
  /**
   * The same set of objects: plain SSA time ÷ pipeline apply window. Lower than the ratio
   * above when workers applied objects more than once (e.g. an app's Service per worker).
   */
  ratioSameObjects: number;
  steady?: { requests: number; perSecond: number; requestToAppliedSeconds: Percentiles; requestToReadySeconds: Percentiles; withoutTerminal: number };
}
const levels: Level[] = [];

for (const workerCount of o.workers) {
  const namespace = await createTestNamespace(env.kubeConfig, `bench-deploy-w${workerCount}`);
  const plainNs = await createTestNamespace(env.kubeConfig, `bench-plain-w${workerCount}`);
  const queue = `bench-deploy-${run}-w${workerCount}`;
  const appOf = (s: number) => `b${run}w${workerCount}s${s}`;
  console.log(`\n== ${workerCount} worker(s): ${o.requests} requests from ${o.students} students within ${o.windowSeconds}s → ${namespace}`);
  const workers = await startWorkers(root, workerCount, {
    AMQP_URL: amqpUrl,
    REDIS_URL: redisUrl,
    GIT_READ_SECRET: secret,
    RUNTIME: 'kubernetes',
    KUBECONFIG: env.kubeconfigPath,
    APP_NAMESPACES: namespace,
    DEPLOY_QUEUE: queue,
    PREFETCH: String(o.prefetch),
    KUBE_QPS: String(o.qps),
    KUBE_BURST: String(o.burst),
  });
  try {
    const sent = await dispatch(schedule(o.requests, o.students, o.windowSeconds, appOf), store, ch, queue, (app) => `http://repo.imad.svc:3002/git/${app}.git`);
    const burst = await settle(sent);
    const applies = await scrapeSum(workers, 'deployer_kube_requests_total', { verb: 'apply', code: '2xx' });
    const pipelinePerSecond = round(applies / Math.max(burst.applyWindowSeconds, 0.001), 1);
    console.log(`   burst settled in ${burst.settleSeconds}s; ${applies} objects applied in ${burst.applyWindowSeconds}s = ${pipelinePerSecond}/s`);

    // Below capacity: how long a deploy takes to be applied when nothing is queued ahead of it.
    const steadySent: SentDeploy[] = [];
    if (o.steady > 0) {
      steadySent.push(...(await dispatch(schedule(o.steady, o.steady, o.steady / o.steadyPerSecond, (s) => `${appOf(s)}-steady`), store, ch, queue, () => 'http://repo/git/x.git')));
      await settle(steadySent);
    }
    const steady = o.steady > 0 ? (await collect(store, steadySent)).outcomes : undefined;

    const appsApplied = new Set(sent.map((s) => s.app)).size;
    const plain = await plainApplyRate(env.kubeConfig, plainNs, [...new Set(sent.map((s) => s.app))], Math.max(0, burst.applied - appsApplied), o.plainConcurrency);
    console.log(`   plain SSA of the same objects: ${plain.objects} in ${plain.seconds}s = ${plain.perSecond}/s`);
    levels.push({
      workers: workerCount,
      burst,
      pipelineObjectsApplied: applies,
      pipelineApplyPerSecond: pipelinePerSecond,
      plainApply: plain,
      ratioToPlainApply: round(pipelinePerSecond / plain.perSecond),
      ratioSameObjects: round(plain.seconds / Math.max(burst.applyWindowSeconds, 0.001)),
      steady: steady && { requests: steady.total, perSecond: o.steadyPerSecond, requestToAppliedSeconds: steady.requestToAppliedSeconds, requestToReadySeconds: steady.requestToReadySeconds, withoutTerminal: steady.withoutTerminal },
    });
  } finally {
    await stopWorkers(workers);
    await ch.deleteQueue(queue).catch(() => undefined);
    await deleteNamespace(env.kubeConfig, namespace);
    await deleteNamespace(env.kubeConfig, plainNs);
  }
}

/** Waits until every deploy sent has a terminal phase (or the timeout), then reads the outcomes. */
async function settle(sent: SentDeploy[]) {
  const deadline = Date.now() + o.settleTimeoutSeconds * 1000;
  for (;;) {
    const { outcomes, pending } = await collect(store, sent);
    if (pending === 0 || Date.now() > deadline) return outcomes;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const when = new Date().toISOString();
const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg().map((l) => round(l, 1)).join('/')}`;
const report = { benchmark: 'deploy pipeline: deadline burst vs plain server-side apply', when, machine, settings: o, levels };
const dir = path.join(root, 'bench/results');
await mkdir(dir, { recursive: true });
const file = path.join(dir, `deploy-${when.replace(/[:.]/g, '-')}.json`);
await writeFile(file, JSON.stringify(report, null, 2) + '\n');

const row = (l: Level) =>
  `| ${l.workers} | ${l.burst.total} | ${l.burst.coalesced} | ${l.burst.withoutTerminal} | ${l.burst.deploysSettledPerSecond} | ${l.burst.readyPerSecond} | ${l.burst.requestToReadySeconds.p50} / ${l.burst.requestToReadySeconds.p95} / ${l.burst.requestToReadySeconds.p99} | ${l.pipelineApplyPerSecond} | ${l.plainApply.perSecond} | ${l.ratioToPlainApply} | ${l.ratioSameObjects} | ${l.steady ? `${l.steady.requestToAppliedSeconds.p50} / ${l.steady.requestToAppliedSeconds.p99}` : ''} |`;
console.log(
  [
    '',
    '| workers | requests | coalesced | no terminal | settled/s | ready/s | request→ready p50/p95/p99 s | pipeline applies/s | plain SSA/s | ratio | same-objects ratio | steady request→applied p50/p99 s |',
    '|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|',
    ...levels.map(row),
    '',
    `wrote ${file}`,
  ].join('\n'),
);
// The broker or Redis may have been restarted by someone else meanwhile: results are written.
await amqp.close().catch(() => undefined);
await store.close().catch(() => undefined);
await redis.quit().catch(() => undefined);
