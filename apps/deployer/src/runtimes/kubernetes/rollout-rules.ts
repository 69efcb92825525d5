import type { V1Deployment } from '@kubernetes/client-node';

export type RolloutState = { state: 'progressing'; message: string } | { state: 'ready' } | { state: 'timeout'; message: string };

/**
 * The rules of `kubectl rollout status` (k8s.io/kubectl, DeploymentStatusViewer): only a
 * status the controller computed for the current spec counts; past the progress
 * deadline it failed; otherwise it is done once every replica is updated, old ones are
 * gone, and the updated ones are available.
 */
export function rolloutState(d: V1Deployment): RolloutState {
  const generation = d.metadata?.generation ?? 0;
  const status = d.status ?? {};
  if ((status.observedGeneration ?? 0) < generation) return { state: 'progressing', message: 'waiting for the rollout to be observed' };
  const progressing = status.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return { state: 'timeout', message: progressing.message ?? 'the rollout exceeded its progress deadline' };
  }
  const wanted = d.spec?.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  if (updated < wanted) return { state: 'progressing', message: `${updated} of ${wanted} new replicas updated` };
  if ((status.replicas ?? 0) > updated) return { state: 'progressing', message: `${(status.replicas ?? 0) - updated} old replicas are pending termination` };
  if ((status.availableReplicas ?? 0) < updated) return { state: 'progressing', message: `${status.availableReplicas ?? 0} of ${updated} updated replicas are available` };
  return { state: 'ready' };
}
