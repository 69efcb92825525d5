import type { KubernetesObject, V1Deployment } from '@kubernetes/client-node';
import { AppError, type AppLogLine } from '@imad/contracts';
import { appGitCredential } from '@imad/git-credentials';
import { ANNOTATIONS, appObjects, appRef, LABELS, type ManifestConfig } from '@imad/k8s-manifests';
import type { Logger } from '@imad/observability';
import type { Clock } from '@imad/status';
import type { Redis } from 'ioredis';
import { DeployFailure } from '../../core/deploy-failure';
import type { ApplyOutcome, DeployTarget, RemoveTarget, RolloutReporter, Runtime } from '../../core/runtime.port';
import { AppliedCache } from './applied-cache';
import type { KubeApi } from './kube-api';
import { classifyKubeError } from './kube-errors';
import { RolloutTracker, type RolloutTrackerOptions } from './rollout-tracker';
import { REQUESTED_AT } from './tracked-deployment';

export interface KubernetesRuntimeOptions {
  manifests: ManifestConfig;
  gitReadSecret: string;
  tracker: Omit<RolloutTrackerOptions, 'namespaces'>;
  /** Shares the applied-objects cache between workers (optional). */
  redis?: Redis;
}

/**
 * Runs apps as Deployments. `apply` server-side applies the app's objects (one field
 * manager, forced) and returns once they are stored: the RolloutTracker reports the rest.
 * An older revision never replaces a newer one: the Deployment carries its revision, which
 * is checked before the apply (watch cache, or a read after a conflict), and the apply is
 * conditional on the resourceVersion checked, so a concurrent change answers 409.
 */
export class KubernetesRuntime implements Runtime {
  readonly kind = 'kubernetes';
  private tracker: RolloutTracker | undefined;
  private readonly cache: AppliedCache;

  constructor(
    private readonly api: KubeApi,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly o: KubernetesRuntimeOptions,
  ) {
    this.cache = new AppliedCache(o.redis);
  }

  async start(reporter: RolloutReporter): Promise<void> {
    this.tracker = new RolloutTracker(this.api, reporter, this.clock, this.logger, { ...this.o.tracker, namespaces: this.o.manifests.namespaces });
    await this.tracker.start();
  }

  async stop(): Promise<void> {
    await this.tracker?.stop();
  }

  async apply(t: DeployTarget): Promise<ApplyOutcome> {
    const objects = appObjects({ ...t, gitCredential: appGitCredential(this.o.gitReadSecret, t.app) }, this.o.manifests);
    objects.deployment.metadata!.annotations![REQUESTED_AT] = t.requestedAt;
    const { namespace, name } = objects.ref;
    // The fence: the revision the Deployment carries, from the watch cache (no extra call in
    // a burst) or, after a conflict, from a fresh read; the apply then names the
    // resourceVersion it checked, so a change in between answers 409 and we look again.
    let seen: { revision: number; resourceVersion?: string } | undefined = this.tracker?.known(namespace, name);
    for (let attempt = 1; ; attempt++) {
      if (seen && seen.revision > t.revision) return { kind: 'stale', runningRevision: seen.revision };
      try {
        // The Secret first (pods need it to start); the rest together.
        await this.applyOnce(t.app, objects.secret);
        const deployment: V1Deployment = { ...objects.deployment, metadata: { ...objects.deployment.metadata, resourceVersion: seen?.resourceVersion } };
        await Promise.all([this.api.apply(deployment), this.applyOnce(t.app, objects.service), this.applyOnce(t.app, objects.networkPolicy)]);
        return { kind: 'accepted' };
      } catch (error) {
        const failure = classifyKubeError(error);
        if (failure?.code === 409 && attempt < 5) {
          const current = await this.api.readDeployment(namespace, name);
          seen = current ? { revision: revisionOf(current), resourceVersion: current.metadata?.resourceVersion } : undefined;
          continue;
        }
        if (failure?.code === 422) {
          throw new DeployFailure('invalid', `The cluster refused this app's objects: ${failure.status.message ?? 'invalid'}`, undefined, { cause: error });
        }
        if (failure?.code === 404) {
          throw new AppError('DEPLOY.NAMESPACE_MISSING', `namespace ${namespace} does not exist; create the app namespaces (APP_NAMESPACES) first`, { namespace }, { cause: error });
        }
        throw error;
      }
    }
  }

  async remove(t: RemoveTarget): Promise<ApplyOutcome> {
    const ref = appRef(t.app, this.o.manifests);
    const existing = await this.api.readDeployment(ref.namespace, ref.name);
    const running = revisionOf(existing);
    if (running > t.revision) return { kind: 'stale', runningRevision: running };
    const header = (apiVersion: string, kind: string, objectName: string): KubernetesObject => ({ apiVersion, kind, metadata: { name: objectName, namespace: ref.namespace } });
    const objects = [
      header('apps/v1', 'Deployment', ref.name),
      header('v1', 'Service', ref.name),
      header('networking.k8s.io/v1', 'NetworkPolicy', ref.name),
      header('v1', 'Secret', ref.secretName),
    ];
    this.tracker?.forget(ref.namespace, ref.name);
    await this.cache.forgetApp(t.app);
    for (const o of objects) await this.api.delete(o);
    return { kind: 'removed' };
  }

  async logs(app: string, tail: number): Promise<AppLogLine[]> {
    const ref = appRef(app, this.o.manifests);
    const pods = await this.api.listPods(ref.namespace, `${LABELS.instance}=${ref.name}`);
    const newest = pods.items
      .filter((p) => !p.metadata?.deletionTimestamp)
      .sort((a, b) => String(b.metadata?.creationTimestamp ?? '').localeCompare(String(a.metadata?.creationTimestamp ?? '')))[0];
    if (!newest?.metadata?.name) return [];
    const text = await this.api.podLog(ref.namespace, newest.metadata.name, 'app', tail, false);
    const at = this.clock.now().toISOString();
    return text
      .split('\n')
      .filter((l) => l.length > 0)
      .slice(-tail)
      .map((line) => ({ at, stream: 'stdout' as const, line: line.slice(0, 4000) }));
  }

  private async applyOnce(app: string, object: KubernetesObject): Promise<void> {
    if (await this.cache.fresh(app, object)) return;
    try {
      await this.api.apply(object);
      await this.cache.remember(app, object);
    } catch (error) {
      await this.cache.forget(app, object);
      throw error;
    }
  }
}

function revisionOf(d: V1Deployment | undefined): number {
  const r = Number(d?.metadata?.annotations?.[ANNOTATIONS.revision]);
  return Number.isInteger(r) ? r : 0;
}
