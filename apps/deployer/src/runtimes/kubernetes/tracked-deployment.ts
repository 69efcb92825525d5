import type { V1Deployment } from '@kubernetes/client-node';
import { ANNOTATIONS, LABELS } from '@imad/k8s-manifests';
import type { RolloutState } from './rollout-rules';

/** Annotation with the time the deploy was requested (for time-to-ready). */
export const REQUESTED_AT = 'imad.dev/requested-at';

/** One app's Deployment as the tracker follows it: which deploy it runs, and whether that deploy was reported. */
export interface TrackedDeployment {
  key: string;
  namespace: string;
  instance: string;
  app: string;
  revision: number;
  deployId: string;
  commit?: string;
  requestedAt?: string;
  /** A terminal phase (ready/failed) was reported for this revision. */
  settled: boolean;
  /** The rollout as of the last event (kept to report again if a report failed). */
  rollout?: RolloutState;
  /** Of the last event: the precondition for the next apply (see KubernetesRuntime.apply). */
  resourceVersion?: string;
  /** When the tracker first saw this revision, when it next looks at its pods (ms), and how often it did. */
  seenAt: number;
  /**
   * When the controller was first seen to have made a pod of this revision (ms). Before
   * that there is nothing to look at: a busy cluster is slow, not the student's app.
   */
  podsSince?: number;
  podsCheckDueAt: number;
  podChecks: number;
}

/** The controller has seen this spec and made at least one pod of it. */
export function hasNewPods(d: V1Deployment): boolean {
  return (d.status?.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0) && (d.status?.updatedReplicas ?? 0) >= 1;
}

export function trackedFrom(d: V1Deployment, now: number): TrackedDeployment | undefined {
  const a = d.metadata?.annotations ?? {};
  const revision = Number(a[ANNOTATIONS.revision]);
  const instance = d.metadata?.labels?.[LABELS.instance] ?? d.metadata?.name;
  if (!Number.isInteger(revision) || revision < 1 || !a[ANNOTATIONS.deployId] || !a[ANNOTATIONS.app] || !instance || !d.metadata?.namespace) return undefined;
  return {
    key: `${d.metadata.namespace}/${d.metadata.name}`,
    namespace: d.metadata.namespace,
    instance,
    app: a[ANNOTATIONS.app],
    revision,
    deployId: a[ANNOTATIONS.deployId],
    commit: a[ANNOTATIONS.commit],
    requestedAt: a[REQUESTED_AT],
    settled: false,
    resourceVersion: d.metadata.resourceVersion,
    seenAt: now,
    podsCheckDueAt: 0,
    podChecks: 0,
  };
}
