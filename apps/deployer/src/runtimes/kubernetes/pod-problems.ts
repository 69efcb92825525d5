import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import type { FailureReason } from '@imad/contracts';
import { ANNOTATIONS, LABELS } from '@imad/k8s-manifests';

/** What the tracker keeps of a pod: enough to explain a failed rollout, nothing more. */
export interface PodSummary {
  namespace: string;
  name: string;
  /** The app's object name (label app.kubernetes.io/instance). */
  instance: string;
  revision: number;
  deleting: boolean;
  containers: ContainerSummary[];
}

export interface ContainerSummary {
  name: string;
  init: boolean;
  ready: boolean;
  waitingReason?: string;
  waitingMessage?: string;
  restartCount: number;
  /** When the container started running (for "readiness failing for N seconds"). */
  runningSince?: number;
}

export function summarizePod(pod: V1Pod): PodSummary | undefined {
  const instance = pod.metadata?.labels?.[LABELS.instance];
  const revision = Number(pod.metadata?.annotations?.[ANNOTATIONS.revision]);
  if (!instance || !Number.isInteger(revision) || !pod.metadata?.name || !pod.metadata.namespace) return undefined;
  const containers = [
    ...(pod.status?.initContainerStatuses ?? []).map((c) => container(c, true)),
    ...(pod.status?.containerStatuses ?? []).map((c) => container(c, false)),
  ];
  return { namespace: pod.metadata.namespace, name: pod.metadata.name, instance, revision, deleting: !!pod.metadata.deletionTimestamp, containers };
}

function container(c: V1ContainerStatus, init: boolean): ContainerSummary {
  const started = c.state?.running?.startedAt;
  return {
    name: c.name,
    init,
    ready: c.ready,
    waitingReason: c.state?.waiting?.reason,
    waitingMessage: c.state?.waiting?.message,
    restartCount: c.restartCount,
    runningSince: started ? new Date(started).getTime() : undefined,
  };
}

export interface PodProblem {
  reason: FailureReason;
  message: string;
  pod: string;
  container: string;
}

const IMAGE = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull']);
const CRASH = new Set(['CrashLoopBackOff', 'RunContainerError', 'CreateContainerError', 'CreateContainerConfigError']);

/**
 * A failure the student can act on, read from pod status the way kubelet reports it.
 * Image problems first (nothing of theirs ran), then crash loops (the clone/install init
 * containers or the app), then a running app whose readiness probe keeps failing.
 */
export function podProblem(pods: PodSummary[], now: number, probeFailingMs: number): PodProblem | undefined {
  const live = pods.filter((p) => !p.deleting);
  for (const p of live) {
    const c = p.containers.find((x) => x.waitingReason && IMAGE.has(x.waitingReason));
    if (c) return { reason: 'image-pull', pod: p.name, container: c.name, message: `The platform could not pull the image of "${c.name}" (${c.waitingReason}${c.waitingMessage ? `: ${c.waitingMessage}` : ''}). This is a platform problem; please report it.` };
  }
  for (const p of live) {
    const c = p.containers.find((x) => x.waitingReason && CRASH.has(x.waitingReason));
    if (c) {
      const step = c.init ? (c.name === 'clone' ? 'fetching your code' : 'installing your dependencies') : 'your app';
      return { reason: 'crash-loop', pod: p.name, container: c.name, message: `${c.init ? `The step ${step}` : 'Your app'} keeps crashing (${c.waitingReason}, ${c.restartCount} restarts). Its last output is below.` };
    }
  }
  for (const p of live) {
    const c = p.containers.find((x) => !x.init && !x.ready && x.runningSince !== undefined && now - x.runningSince >= probeFailingMs);
    if (c) return { reason: 'probe-failing', pod: p.name, container: c.name, message: `Your app runs but does not accept connections on its PORT after ${Math.round((now - c.runningSince!) / 1000)} s. Make sure it listens on process.env.PORT.` };
  }
  return undefined;
}
