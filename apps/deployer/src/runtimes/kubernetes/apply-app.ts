import type { KubernetesObject, V1Deployment } from '@kubernetes/client-node';
import { AppError } from '@imad/contracts';
import { ANNOTATIONS, type AppObjects } from '@imad/k8s-manifests';
import { DeployFailure } from '../../core/deploy-failure';
import type { ApplyOutcome } from '../../core/runtime.port';
import type { AppliedCache } from './applied-cache';
import type { KubeApi } from './kube-api';
import { classifyKubeError } from './kube-errors';

export type Seen = { revision: number; resourceVersion?: string } | undefined;

/**
 * Server-side applies one app's objects for `revision`, never over a newer revision.
 * The fence: the revision the Deployment carries as `seen` (the watch cache: no extra
 * call in a burst) or, after a conflict, from a fresh read; the apply names the
 * resourceVersion it checked, so a change in between answers 409 and we look again.
 * 422 → failed(invalid) with the server's message; a missing namespace is a platform
 * problem (transient for the queue, loud in the logs).
 */
export async function applyApp(api: KubeApi, cache: AppliedCache, app: string, objects: AppObjects, revision: number, seen: Seen): Promise<ApplyOutcome> {
  const { namespace, name } = objects.ref;
  for (let attempt = 1; ; attempt++) {
    if (seen && seen.revision > revision) return { kind: 'stale', runningRevision: seen.revision };
    try {
      // The Secret first (pods need it to start); the rest together.
      await applyOnce(api, cache, app, objects.secret);
      const deployment: V1Deployment = { ...objects.deployment, metadata: { ...objects.deployment.metadata, resourceVersion: seen?.resourceVersion } };
      await Promise.all([api.apply(deployment), applyOnce(api, cache, app, objects.service), applyOnce(api, cache, app, objects.networkPolicy)]);
      return { kind: 'accepted' };
    } catch (error) {
      const failure = classifyKubeError(error);
      if (failure?.code === 409 && attempt < 5) {
        const current = await api.readDeployment(namespace, name);
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

/** Applies an object unless the shared cache says this exact content was applied recently. */
async function applyOnce(api: KubeApi, cache: AppliedCache, app: string, object: KubernetesObject): Promise<void> {
  if (await cache.fresh(app, object)) return;
  try {
    await api.apply(object);
    await cache.remember(app, object);
  } catch (error) {
    await cache.forget(app, object);
    throw error;
  }
}

export function revisionOf(d: V1Deployment | undefined): number {
  const r = Number(d?.metadata?.annotations?.[ANNOTATIONS.revision]);
  return Number.isInteger(r) ? r : 0;
}
