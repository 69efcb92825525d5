import type { V1Deployment } from '@kubernetes/client-node';
import { LABELS, MANAGED_SELECTOR } from '@imad/k8s-manifests';
import type { Logger } from '@imad/observability';
import type { Clock } from '@imad/status';
import type { RolloutEvent, RolloutReporter } from '../../core/runtime.port';
import type { KubeApi } from './kube-api';
import { ListWatch, type WatchEvent } from './list-watch';
import { PodIndex } from './pod-index';
import { podProblem, type PodProblem } from './pod-problems';
import { rolloutState } from './rollout-rules';
import { lastOutput } from './last-output';
import { trackedFrom, type TrackedDeployment } from './tracked-deployment';

export interface RolloutTrackerOptions {
  namespaces: readonly string[];
  probeFailingMs: number;
  /** Reopen a watch with no event for this long (default 60 s). */
  quietMs?: number;
  /** How often unsettled rollouts are re-checked (default 1 s). */
  tickMs?: number;
  /**
   * A rollout this worker applied and not done after `podCheckAfterMs` gets its pods looked
   * at, then every `podCheckEveryMs` (defaults 8 s, 8 s); other workers' rollouts only after
   * `orphanAfterMs` (default 60 s), in case the worker that applied them is gone.
   */
  podCheckAfterMs?: number;
  podCheckEveryMs?: number;
  orphanAfterMs?: number;
  /** Pod lists per tick at most, so a slow burst cannot turn into a list storm (default 10). */
  podChecksPerTick?: number;
  /** Called when this worker's report of `ready` was the one recorded. */
  onReady?: (deploy: TrackedDeployment) => void;
}

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
  private readonly reports = new Map<string, Promise<void>>();
  /** Deploy ids this worker applied (it looks at their pods first). */
  private readonly mine = new Set<string>();
  private tick: NodeJS.Timeout | undefined;

  constructor(
    private readonly api: KubeApi,
    private readonly reporter: RolloutReporter,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly o: RolloutTrackerOptions,
  ) {}

  async start(): Promise<void> {
    const common = { labelSelector: MANAGED_SELECTOR, admit: () => this.api.admit(), quietMs: this.o.quietMs ?? 60_000, logger: this.logger };
    for (const ns of this.o.namespaces) {
      this.watches.push(
        new ListWatch<V1Deployment>(this.api.kubeConfig, {
          ...common,
          what: `deployments in ${ns}`,
          path: `/apis/apps/v1/namespaces/${ns}/deployments`,
          list: () => this.api.listDeployments(ns, MANAGED_SELECTOR),
          onSync: (items) => items.forEach((d) => this.onDeployment('ADDED', d)),
          onEvent: (type, d) => this.onDeployment(type, d),
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
    await Promise.all(this.reports.values());
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
  }

  private onDeployment(type: WatchEvent, d: V1Deployment): void {
    const next = trackedFrom(d, this.clock.now().getTime());
    if (!next) return;
    if (type === 'DELETED') {
      this.pods.drop(next.key);
      return void this.deployments.delete(next.key);
    }
    const known = this.deployments.get(next.key);
    const entry = known && known.revision === next.revision && known.deployId === next.deployId ? known : next;
    this.deployments.set(entry.key, entry);
    entry.resourceVersion = d.metadata?.resourceVersion;
    entry.rollout = rolloutState(d);
    this.evaluate(entry);
  }

  /** Rollouts still going after a while get their pods listed (bounded per tick); reports that failed are retried. */
  private recheck(): void {
    const now = this.clock.now().getTime();
    const every = this.o.podCheckEveryMs ?? 8_000;
    let budget = this.o.podChecksPerTick ?? 10;
    for (const entry of this.deployments.values()) {
      if (entry.settled || this.reports.has(entry.key)) continue;
      const after = this.mine.has(entry.deployId) ? (this.o.podCheckAfterMs ?? 8_000) : (this.o.orphanAfterMs ?? 60_000);
      if (budget > 0 && now - entry.seenAt >= after && now - entry.podsCheckedAt >= every) {
        budget--;
        entry.podsCheckedAt = now;
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
    if (state?.state === 'ready') return this.settle(entry, { phase: 'ready' });
    if (state?.state === 'timeout') return this.settle(entry, { phase: 'failed', reason: 'timeout', message: `Your app did not become ready in time: ${state.message}` });
    const problem = podProblem(this.pods.of(entry.key, entry.revision), this.clock.now().getTime(), this.o.probeFailingMs);
    if (problem) this.settle(entry, { phase: 'failed', reason: problem.reason, message: problem.message }, problem);
  }

  private settle(entry: TrackedDeployment, outcome: Pick<RolloutEvent, 'phase' | 'reason' | 'message'>, problem?: PodProblem): void {
    entry.settled = true;
    // One report at a time per Deployment, in order.
    const previous = this.reports.get(entry.key) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        const logTail = problem?.reason === 'crash-loop' ? await lastOutput(this.api, entry.namespace, problem) : undefined;
        const { key: _k, namespace: _n, instance: _i, settled: _s, rollout: _r, resourceVersion: _v, seenAt: _a, podsCheckedAt: _c, ...deploy } = entry;
        const recorded = await this.reporter.report({ ...deploy, ...outcome, ...(logTail ? { logTail } : {}) });
        this.mine.delete(entry.deployId);
        if (recorded && outcome.phase === 'ready') this.o.onReady?.(entry);
      })
      .catch((error) => {
        entry.settled = false; // report again on the next event or tick
        this.logger.warn({ err: error, deployId: entry.deployId, app: entry.app }, 'could not report the rollout outcome; will retry');
      })
      .finally(() => {
        if (this.reports.get(entry.key) === next) this.reports.delete(entry.key);
      });
    this.reports.set(entry.key, next);
  }
}
