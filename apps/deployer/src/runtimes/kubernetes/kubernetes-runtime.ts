import type { KubernetesObject } from '@kubernetes/client-node';
import type { AppLogLine } from '@imad/contracts';
import { appGitCredential } from '@imad/git-credentials';
import { appObjects, appRef, type ManifestConfig } from '@imad/k8s-manifests';
import type { Logger } from '@imad/observability';
import type { Clock } from '@imad/status';
import type { Redis } from 'ioredis';
import type { ApplyOutcome, DeployTarget, RemoveTarget, RolloutReporter, Runtime } from '../../core/runtime.port';
import type { LogSink } from '../app-output';
import { applyApp, revisionOf } from './apply-app';
import { AppliedCache } from './applied-cache';
import type { KubeApi } from './kube-api';
import type { LogFollowerOptions } from './log-follower';
import { OutputFollow } from './output-follow';
import { podLogTail } from './pod-logs';
import { RolloutTracker, type RolloutTrackerOptions } from './rollout-tracker';
import { REQUESTED_AT } from './tracked-deployment';

export interface KubernetesRuntimeOptions {
  manifests: ManifestConfig;
  gitReadSecret: string;
  tracker: Omit<RolloutTrackerOptions, 'namespaces'>;
  /** Shares the applied-objects cache between workers and tells who listens to app logs. */
  redis?: Redis;
  /** Where followed app output goes (the status store), and for how long. */
  logs: LogSink;
  follow: LogFollowerOptions;
}

/**
 * Runs apps as Deployments. `apply` server-side applies the app's objects (one field
 * manager, forced; see applyApp for the revision fence) and returns once they are
 * stored: the RolloutTracker reports the rest.
 */
export class KubernetesRuntime implements Runtime {
  readonly kind = 'kubernetes';
  private tracker: RolloutTracker | undefined;
  private output: OutputFollow | undefined;
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
    const output = new OutputFollow(this.api, this.o.redis, this.o.logs, this.clock, this.logger, this.o.follow);
    this.output = output;
    this.tracker = new RolloutTracker(this.api, reporter, this.clock, this.logger, {
      ...this.o.tracker,
      namespaces: this.o.manifests.namespaces,
      onReady: (deploy) => void output.onReady(deploy.app, deploy.namespace, deploy.instance),
    });
    await this.tracker.start();
  }

  async stop(): Promise<void> {
    this.output?.stop();
    await this.tracker?.stop();
  }

  async apply(t: DeployTarget): Promise<ApplyOutcome> {
    const objects = appObjects({ ...t, gitCredential: appGitCredential(this.o.gitReadSecret, t.app) }, this.o.manifests);
    objects.deployment.metadata!.annotations![REQUESTED_AT] = t.requestedAt;
    const outcome = await applyApp(this.api, this.cache, t.app, objects, t.revision, this.tracker?.known(objects.ref.namespace, objects.ref.name));
    if (outcome.kind === 'accepted') this.tracker?.applied(t.deployId);
    return outcome;
  }

  async remove(t: RemoveTarget): Promise<ApplyOutcome> {
    const ref = appRef(t.app, this.o.manifests);
    const running = revisionOf(await this.api.readDeployment(ref.namespace, ref.name));
    if (running > t.revision) return { kind: 'stale', runningRevision: running };
    const object = (apiVersion: string, kind: string, name: string): KubernetesObject => ({ apiVersion, kind, metadata: { name, namespace: ref.namespace } });
    this.tracker?.forget(ref.namespace, ref.name);
    this.output?.stopApp(t.app);
    await this.cache.forgetApp(t.app);
    for (const o of [
      object('apps/v1', 'Deployment', ref.name),
      object('v1', 'Service', ref.name),
      object('networking.k8s.io/v1', 'NetworkPolicy', ref.name),
      object('v1', 'Secret', ref.secretName),
    ]) {
      await this.api.delete(o);
    }
    return { kind: 'removed' };
  }

  logs(app: string, tail: number): Promise<AppLogLine[]> {
    return podLogTail(this.api, appRef(app, this.o.manifests), tail, this.clock.now());
  }
}
