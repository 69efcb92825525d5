import type { KubernetesObject, V1Deployment } from '@kubernetes/client-node';
import { AppError, type AppLogLine } from '@imad/contracts';
import { appGitCredential } from '@imad/git-credentials';
import { ANNOTATIONS, appObjects, appRef, type ManifestConfig } from '@imad/k8s-manifests';
import type { Logger } from '@imad/observability';
import { statusKeys, type Clock } from '@imad/status';
import type { Redis } from 'ioredis';
import { DeployFailure } from '../../core/deploy-failure';
import type { ApplyOutcome, DeployTarget, RemoveTarget, RolloutReporter, Runtime } from '../../core/runtime.port';
import { AppliedCache } from './applied-cache';
import type { KubeApi } from './kube-api';
import { classifyKubeError } from './kube-errors';
import { RolloutTracker, type RolloutTrackerOptions } from './rollout-tracker';
import { LogFollower, type LogFollowerOptions } from './log-follower';
import { newestPod, podLogTail } from './pod-logs';
import { REQUESTED_AT } from './tracked-deployment';
import { AppOutput, type LogSink } from '../app-output';

export interface KubernetesRuntimeOptions {
  manifests: ManifestConfig;
  gitReadSecret: string;
  tracker: Omit<RolloutTrackerOptions, 'namespaces'>;
  /** Shares the applied-objects cache between workers (optional). */
  redis?: Redis;
  /** Where followed app output goes (the status store), and for how long. */
  logs: LogSink;
  follow: LogFollowerOptions;
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
  private follower: LogFollower | undefined;
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
    const output = (app: string) => new AppOutput(app, this.o.logs, this.clock, this.logger);
    this.follower = new LogFollower(this.api.kubeConfig, () => this.api.admit(), output, this.logger, this.o.follow);
    this.tracker = new RolloutTracker(this.api, reporter, this.clock, this.logger, {
      ...this.o.tracker,
      namespaces: this.o.manifests.namespaces,
      onReady: (deploy) => void this.followOutput(deploy.app, deploy.namespace, deploy.instance),
    });
    await this.tracker.start();
  }

  async stop(): Promise<void> {
    this.follower?.stop();
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
        this.tracker?.applied(t.deployId);
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
    this.follower?.stopApp(t.app);
    await this.cache.forgetApp(t.app);
    for (const o of objects) await this.api.delete(o);
    return { kind: 'removed' };
  }

  logs(app: string, tail: number): Promise<AppLogLine[]> {
    return podLogTail(this.api, appRef(app, this.o.manifests), tail, this.clock.now());
  }

  /**
   * The worker whose `ready` counted follows the new pod's output for a while — only when
   * someone listens on the app's log channel (an IDE with the app open), so a burst of
   * deploys nobody watches costs no pod lists and no log streams.
   */
  private async followOutput(app: string, namespace: string, instance: string): Promise<void> {
    if (!this.follower || !this.o.redis) return;
    try {
      const [, listeners] = (await this.o.redis.pubsub('NUMSUB', statusKeys(app).logChannel)) as [string, number];
      if (Number(listeners) === 0) return;
      const pod = await newestPod(this.api, namespace, instance);
      if (pod) await this.follower.follow(app, namespace, pod);
    } catch (error) {
      this.logger.debug({ err: error, app }, 'could not start following the app output');
    }
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
