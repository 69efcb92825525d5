import type { V1Deployment } from '@kubernetes/client-node';
import { LABELS, MANAGED_SELECTOR } from '@imad/k8s-manifests';
import type { Logger } from '@imad/observability';
import type { Clock } from '@imad/status';
import type { RolloutReporter } from '../../core/runtime.port';
import type { KubeApi } from './kube-api';
import { ListWatch, type WatchEvent } from './list-watch';
import { PodIndex } from './pod-index';
import { podProblem } from './pod-problems';
import { rolloutState } from './rollout-rules';
import { RolloutReports } from './rollout-reports';
import type { RolloutTrackerOptions } from './rollout-tracker-options';
import { hasNewPods, trackedFrom, type TrackedDeployment } from './tracked-deployment';

export type { RolloutTrackerOptions } from './rollout-tracker-options';

/**
 * Follows every managed Deployment in the app namespaces (one watch per namespace) and
 * reports each deploy's end once: ready or timeout by the `kubectl rollout status` rules,
 * or a pod failure (crash loop with its last output, image pull, failing readiness).
 * Pods are not watched: most rollouts finish in seconds, so only a rollout still going
 * after `podCheckAfterMs` gets its pods listed, at a bounded rate. That keeps every
 * worker's share of API server load and memory proportional to the rollouts in trouble,
 * not to the 10,000 apps. Every worker runs one; the status store keeps reports
 * idempotent across workers.
 */
export class RolloutTracker {
  private readonly deployments = new Map<string, TrackedDeployment>();
  private readonly pods = new PodIndex();
  private readonly watches: ListWatch<V1Deployment>[] = [];
  private readonly reports: RolloutReports;
  /** Deploy ids this worker applied (it looks at their pods first). */
  private readonly mine = new Set<string>();
  private tick: NodeJS.Timeout | undefined;

  constructor(
    private readonly api: KubeApi,
    reporter: RolloutReporter,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly o: RolloutTrackerOptions,
  ) {
    this.reports = new RolloutReports(api, reporter, logger, (entry, outcome) => {
      this.mine.delete(entry.deployId);
      if (outcome.phase === 'ready') o.onReady?.(entry);
    });
  }

  async start(): Promise<void> {
    for (const ns of this.o.namespaces) {
      this.watches.push(
        new ListWatch<V1Deployment>(this.api.kubeConfig, {
          what: `deployments in ${ns}`,
          path: `/apis/apps/v1/namespaces/${ns}/deployments`,
          labelSelector: MANAGED_SELECTOR,
          list: () => this.api.listDeployments(ns, MANAGED_SELECTOR),
          onSync: (items) => items.forEach((d) => this.onDeployment('ADDED', d)),
          onEvent: (type, d) => this.onDeployment(type, d),
          admit: () => this.api.admit(),
          quietMs: this.o.quietMs ?? 60_000,
          logger: this.logger,
        }),
      );
    }
    await Promise.all(this.watches.map((w) => w.start()));
    this.tick = setInterval(() => this.recheck(), this.o.tickMs ?? 1_000);
    this.tick.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.tick);
    await Promise.all(this.watches.map((w) => w.stop()));
    await this.reports.drain();
  }

  /**
   * What the watch last saw of a Deployment (revision and resourceVersion), or undefined
   * if it does not exist as far as the watch knows. The cache lags the server by the watch's
   * latency, so callers use it as a precondition the server checks, not as the truth.
   */
  known(namespace: string, name: string): { revision: number; resourceVersion?: string } | undefined {
    const entry = this.deployments.get(`${namespace}/${name}`);
    return entry && { revision: entry.revision, resourceVersion: entry.resourceVersion };
  }

  /** This worker applied the deploy: it is the one to look at its pods if the rollout drags. */
  applied(deployId: string): void {
    if (this.mine.size > 10_000) this.mine.clear(); // bounded; only an optimization
    this.mine.add(deployId);
  }

  /** Forget an app's Deployment (undeployed) so nothing more is reported for it. */
  forget(namespace: string, name: string): void {
    this.deployments.delete(`${namespace}/${name}`);
    this.pods.drop(`${namespace}/${name}`);
  }

  private onDeployment(type: WatchEvent, d: V1Deployment): void {
    const next = trackedFrom(d, this.clock.now().getTime());
    if (!next) return;
    if (type === 'DELETED') return this.forget(next.namespace, next.instance);
    const known = this.deployments.get(next.key);
    const entry = known && known.revision === next.revision && known.deployId === next.deployId ? known : next;
    this.deployments.set(entry.key, entry);
    entry.resourceVersion = d.metadata?.resourceVersion;
    entry.rollout = rolloutState(d);
    if (entry.podsSince === undefined && hasNewPods(d)) entry.podsSince = this.clock.now().getTime();
    this.evaluate(entry);
  }

  /**
   * Rollouts whose pods exist but are still not ready after a while get their pods listed
   * (bounded per tick); reports that failed are retried.
   */
  private recheck(): void {
    const now = this.clock.now().getTime();
    let budget = this.o.podChecksPerTick ?? 3;
    for (const entry of this.deployments.values()) {
      if (entry.settled || this.reports.has(entry.key)) continue;
      const after = this.mine.has(entry.deployId) ? (this.o.podCheckAfterMs ?? 8_000) : (this.o.orphanAfterMs ?? 120_000);
      if (budget > 0 && entry.podsSince !== undefined && now - entry.podsSince >= after && now >= entry.podsCheckDueAt) {
        budget--;
        entry.podsCheckDueAt = now + Math.min(60_000, 8_000 * 2 ** entry.podChecks++);
        void this.checkPods(entry);
      } else {
        this.evaluate(entry);
      }
    }
  }

  private async checkPods(entry: TrackedDeployment): Promise<void> {
    try {
      const list = await this.api.listPods(entry.namespace, `${LABELS.instance}=${entry.instance}`);
      this.pods.replace(entry.key, list.items);
      this.evaluate(entry);
    } catch (error) {
      this.logger.debug({ err: error, app: entry.app }, 'could not list pods; will look again');
    }
  }

  /** Reports the deploy's end if the Deployment or its pods show one. */
  private evaluate(entry: TrackedDeployment): void {
    if (entry.settled) return;
    const state = entry.rollout;
    if (state?.state === 'ready') return this.reports.settle(entry, { phase: 'ready' });
    if (state?.state === 'timeout') return this.reports.settle(entry, { phase: 'failed', reason: 'timeout', message: `Your app did not become ready in time: ${state.message}` });
    const problem = podProblem(this.pods.of(entry.key, entry.revision), this.clock.now().getTime(), this.o.probeFailingMs);
    if (problem) this.reports.settle(entry, { phase: 'failed', reason: problem.reason, message: problem.message }, problem);
  }
}
