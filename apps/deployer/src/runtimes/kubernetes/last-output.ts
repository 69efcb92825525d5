import type { KubeApi } from './kube-api';
import type { PodProblem } from './pod-problems';

/** A crashed container's last lines from the pod log API: its previous run first (the one that crashed). */
export async function lastOutput(api: KubeApi, namespace: string, problem: PodProblem, lines = 20): Promise<string[]> {
  for (const previous of [true, false]) {
    try {
      const text = await api.podLog(namespace, problem.pod, problem.container, lines, previous);
      const got = text.split('\n').filter((l) => l.length > 0);
      if (got.length > 0) return got.slice(-lines).map((l) => l.slice(0, 2000));
    } catch {
      // try the other run, then say so below
    }
  }
  return [`(the output of "${problem.container}" could not be read from the cluster)`];
}
