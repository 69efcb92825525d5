import type { V1Deployment, V1Pod } from '@kubernetes/client-node';
import { MANAGED_SELECTOR } from '@imad/k8s-manifests';
import type { Logger } from '@imad/observability';
import type { Clock } from '@imad/status';
import type { RolloutEvent, RolloutReporter } from '../../core/runtime.port';
import type { KubeApi } from './kube-api';
import { ListWatch, type WatchEvent } from './list-watch';
import { podProblem, summarizePod, type PodProblem, type PodSummary } from './pod-problems';
import { rolloutState } from './rollout-rules';
import { trackedFrom, type TrackedDeployment } from './tracked-deployment';

export interface RolloutTrackerOptions {
  namespaces: readonly string[];
  probeFailingMs: number;
  /** Reopen a watch with no event for this long (default 60 s). */
  quietMs?: number;
  /** How often unsettled rollouts are re-checked for time-based failures (default 2 s). */
  tickMs?: number;
}

/**
 * Follows every managed Deployment (and its pods) in the app namespaces and reports
 * each deploy's end once: ready or timeout by the `kubectl rollout status` rules, or a
 * pod failure (crash loop with its last output, image pull, failing readiness). Every
 * worker runs one; the status store keeps reports idempotent across workers.
 */
export class RolloutTracker {
  private readonly deployments = new Map<string, TrackedDeployment>();
  /** ns/instance → pod name → summary. */
  private readonly pods = new Map<string, Map<string, PodSummary>>();
  private readonly watches: ListWatch<V1Deployment | V1Pod>[] = [];
  private readonly reports = new Map<string, Promise<void>>();
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
        new ListWatch<V1Pod>(this.api.kubeConfig, {
          ...common,
          what: `pods in ${ns}`,
          path: `/api/v1/namespaces/${ns}/pods`,
          list: () => this.api.listPods(ns, MANAGED_SELECTOR),
          onSync: (items) => this.syncPods(ns, items),
          onEvent: (type, pod) => this.onPod(type, pod),
        }) as ListWatch<V1Deployment | V1Pod>,
        new ListWatch<V1Deployment>(this.api.kubeConfig, {
          ...common,
          what: `deployments in ${ns}`,
          path: `/apis/apps/v1/namespaces/${ns}/deployments`,
          list: () => this.api.listDeployments(ns, MANAGED_SELECTOR),
          onSync: (items) => items.forEach((d) => this.onDeployment('ADDED', d)),
          onEvent: (type, d) => this.onDeployment(type, d),
        }) as ListWatch<V1Deployment | V1Pod>,
      );
    }
    await Promise.all(this.watches.map((w) => w.start()));
    this.tick = setInterval(() => this.recheck(), this.o.tickMs ?? 2_000);
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

  /** Forget an app's Deployment (undeployed) so nothing more is reported for it. */
  forget(namespace: string, name: string): void {
    this.deployments.delete(`${namespace}/${name}`);
  }

  private onDeployment(type: WatchEvent, d: V1Deployment): void {
    const next = trackedFrom(d);
    if (!next) return;
    if (type === 'DELETED') {
      this.deployments.delete(next.key);
      return;
    }
    const known = this.deployments.get(next.key);
    const entry = known && known.revision === next.revision && known.deployId === next.deployId ? known : next;
    this.deployments.set(entry.key, entry);
    entry.resourceVersion = d.metadata?.resourceVersion;
    entry.rollout = rolloutState(d);
    this.evaluate(entry);
  }

  /** Reports the deploy's end if the Deployment or its pods show one. */
  private evaluate(entry: TrackedDeployment): void {
    if (entry.settled) return;
    const state = entry.rollout;
    if (state?.state === 'ready') this.settle(entry, { phase: 'ready' });
    else if (state?.state === 'timeout') this.settle(entry, { phase: 'failed', reason: 'timeout', message: `Your app did not become ready in time: ${state.message}` });
    else this.checkPods(entry);
  }

  private syncPods(ns: string, items: V1Pod[]): void {
    for (const [key] of this.pods) if (key.startsWith(`${ns}/`)) this.pods.delete(key);
    items.forEach((p) => this.onPod('ADDED', p));
  }

  private onPod(type: WatchEvent, pod: V1Pod): void {
    const p = summarizePod(pod);
    if (!p) return;
    const key = `${p.namespace}/${p.instance}`;
    let byName = this.pods.get(key);
    if (type === 'DELETED') {
      byName?.delete(p.name);
      if (byName?.size === 0) this.pods.delete(key);
      return;
    }
    if (!byName) this.pods.set(key, (byName = new Map()));
    byName.set(p.name, p);
    const entry = this.deployments.get(key);
    if (entry && !entry.settled && entry.revision === p.revision) this.checkPods(entry);
  }

  /** Time-based failures (probe failing) and reports that failed (Redis down) are retried here. */
  private recheck(): void {
    for (const entry of this.deployments.values()) if (!entry.settled && !this.reports.has(entry.key)) this.evaluate(entry);
  }

  private checkPods(entry: TrackedDeployment): void {
    const pods = [...(this.pods.get(entry.key)?.values() ?? [])].filter((p) => p.revision === entry.revision);
    const problem = podProblem(pods, this.clock.now().getTime(), this.o.probeFailingMs);
    if (problem) this.settle(entry, { phase: 'failed', reason: problem.reason, message: problem.message }, problem);
  }

  private settle(entry: TrackedDeployment, outcome: Pick<RolloutEvent, 'phase' | 'reason' | 'message'>, problem?: PodProblem): void {
    entry.settled = true;
    // One report at a time per Deployment, in order.
    const previous = this.reports.get(entry.key) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        const logTail = problem?.reason === 'crash-loop' ? await this.lastOutput(entry.namespace, problem) : undefined;
        const { key: _k, namespace: _n, instance: _i, settled: _s, ...deploy } = entry;
        await this.reporter.report({ ...deploy, ...outcome, ...(logTail ? { logTail } : {}) });
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

  /** The crashed container's last lines: its previous run first (the one that crashed). */
  private async lastOutput(namespace: string, problem: PodProblem): Promise<string[]> {
    for (const previous of [true, false]) {
      try {
        const text = await this.api.podLog(namespace, problem.pod, problem.container, 20, previous);
        const lines = text.split('\n').filter((l) => l.length > 0);
        if (lines.length > 0) return lines.slice(-20).map((l) => l.slice(0, 2000));
      } catch {
        // try the other run, then say so below
      }
    }
    return [`(the output of "${problem.container}" could not be read from the cluster)`];
  }
}
