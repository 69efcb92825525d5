import type { KubeConfig } from '@kubernetes/client-node';
import { createTestNamespace, deleteNamespace, waitForNamespaceGone } from '@imad/kube-testenv';
import type { StatusStore } from '@imad/status';
import type { ConfirmChannel } from 'amqplib';
import { dispatch, schedule, type SentDeploy } from './burst';
import type { BenchOptions } from './options';
import { collect, type Outcomes } from './outcomes';
import { plainApplyRate } from './plain-apply';
import { round, type Percentiles } from './stats';
import { scrapeAll, scrapeSum, startWorkers, stopWorkers } from './workers';

export interface Level {
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
  /** API server calls of the workers during the burst, by verb and answer. */
  kubeCalls: Record<string, number>;
  /** Deploy requests by outcome (accepted, superseded, …), summed over workers. */
  requestOutcomes: Record<string, number>;
  steady?: {
    requests: number;
    perSecond: number;
    requestToAppliedSeconds: Percentiles;
    requestToApplyingSeconds: Percentiles;
    applyingToAppliedSeconds: Percentiles;
    requestToReadySeconds: Percentiles;
    withoutTerminal: number;
  };
}

export interface LevelContext {
  root: string;
  run: string;
  o: BenchOptions;
  kubeConfig: KubeConfig;
  kubeconfigPath: string;
  store: StatusStore;
  ch: ConfirmChannel;
  amqpUrl: string;
  redisUrl: string;
}

/** One level: `workerCount` worker processes take the burst, then a steady trickle, then the plain SSA ceiling. */
export async function runLevel(c: LevelContext, workerCount: number): Promise<Level> {
  const { o } = c;
  const namespace = await createTestNamespace(c.kubeConfig, `bench-deploy-w${workerCount}`);
  const plainNs = await createTestNamespace(c.kubeConfig, `bench-plain-w${workerCount}`);
  const queue = `bench-deploy-${c.run}-w${workerCount}`;
  const appOf = (s: number) => `b${c.run}w${workerCount}s${s}`;
  console.log(`\n== ${workerCount} worker(s): ${o.requests} requests from ${o.students} students within ${o.windowSeconds}s → ${namespace}`);
  const workers = await startWorkers(c.root, workerCount, {
    AMQP_URL: c.amqpUrl,
    REDIS_URL: c.redisUrl,
    GIT_READ_SECRET: 'bench-git-read-secret-0123456789',
    RUNTIME: 'kubernetes',
    KUBECONFIG: c.kubeconfigPath,
    APP_NAMESPACES: namespace,
    DEPLOY_QUEUE: queue,
    PREFETCH: String(o.prefetch),
    KUBE_QPS: String(o.qps),
    KUBE_BURST: String(o.burst),
  });
  try {
    const sent = await dispatch(schedule(o.requests, o.students, o.windowSeconds, appOf), c.store, c.ch, queue, (app) => `http://repo.imad.svc:3002/git/${app}.git`);
    const burst = await settle(c, sent);
    const applies = await scrapeSum(workers, 'deployer_kube_requests_total', { verb: 'apply', code: '2xx' });
    const pipelinePerSecond = round(applies / Math.max(burst.applyWindowSeconds, 0.001), 1);
    const kubeCalls = await scrapeAll(workers, 'deployer_kube_requests_total');
    const requestOutcomes = await scrapeAll(workers, 'deployer_requests_total');
    console.log(`   burst settled in ${burst.settleSeconds}s; ${applies} objects applied in ${burst.applyWindowSeconds}s = ${pipelinePerSecond}/s`);
    console.log(`   API calls: ${JSON.stringify(kubeCalls)}; requests: ${JSON.stringify(requestOutcomes)}`);

    // Below capacity: how long a deploy takes to be applied when nothing is queued ahead of it.
    let steady: Level['steady'];
    if (o.steady > 0) {
      const steadySent = await dispatch(schedule(o.steady, o.steady, o.steady / o.steadyPerSecond, (s) => `${appOf(s)}-steady`), c.store, c.ch, queue, () => 'http://repo/git/x.git');
      const s = await settle(c, steadySent);
      steady = {
        requests: s.total,
        perSecond: o.steadyPerSecond,
        requestToAppliedSeconds: s.requestToAppliedSeconds,
        requestToApplyingSeconds: s.requestToApplyingSeconds,
        applyingToAppliedSeconds: s.applyingToAppliedSeconds,
        requestToReadySeconds: s.requestToReadySeconds,
        withoutTerminal: s.withoutTerminal,
      };
      const p = (x: Percentiles) => `p50 ${x.p50} s, p99 ${x.p99} s`;
      console.log(`   steady ${o.steadyPerSecond}/s: request→applied ${p(s.requestToAppliedSeconds)} (waiting ${p(s.requestToApplyingSeconds)}; applying ${p(s.applyingToAppliedSeconds)})`);
    }

    const apps = [...new Set(sent.map((s) => s.app))];
    const plain = await plainApplyRate(c.kubeConfig, plainNs, apps, Math.max(0, burst.applied - apps.length), o.plainConcurrency);
    console.log(`   plain SSA of the same objects: ${plain.objects} in ${plain.seconds}s = ${plain.perSecond}/s`);
    return {
      workers: workerCount,
      burst,
      pipelineObjectsApplied: applies,
      pipelineApplyPerSecond: pipelinePerSecond,
      plainApply: plain,
      ratioToPlainApply: round(pipelinePerSecond / plain.perSecond),
      ratioSameObjects: round(plain.seconds / Math.max(burst.applyWindowSeconds, 0.001)),
      kubeCalls,
      requestOutcomes,
      steady,
    };
  } finally {
    await stopWorkers(workers);
    await c.ch.deleteQueue(queue).catch(() => undefined);
    await deleteNamespace(c.kubeConfig, namespace);
    await deleteNamespace(c.kubeConfig, plainNs);
    // The next level must not compete with this one's cleanup (thousands of objects and pods).
    for (const ns of [namespace, plainNs]) {
      await waitForNamespaceGone(c.kubeConfig, ns, 900_000, (s) => console.log(`   waiting for ${ns} to be deleted (${s}s)…`));
    }
  }
}

/** Waits until every deploy sent has a terminal phase (or the timeout), then reads the outcomes. */
async function settle(c: LevelContext, sent: SentDeploy[]): Promise<Outcomes> {
  const deadline = Date.now() + c.o.settleTimeoutSeconds * 1000;
  for (;;) {
    const { outcomes, pending } = await collect(c.store, sent);
    if (pending === 0 || Date.now() > deadline) return outcomes;
    await new Promise((r) => setTimeout(r, 1000));
  }
}
