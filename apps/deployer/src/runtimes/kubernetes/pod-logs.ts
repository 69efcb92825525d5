import type { AppLogLine } from '@imad/contracts';
import { LABELS, type AppRef } from '@imad/k8s-manifests';
import type { KubeApi } from './kube-api';

/** The last `tail` lines of the app container of an app's newest pod, from the pod log API. */
export async function podLogTail(api: KubeApi, ref: AppRef, tail: number, now: Date): Promise<AppLogLine[]> {
  const pods = await api.listPods(ref.namespace, `${LABELS.instance}=${ref.name}`);
  const newest = pods.items
    .filter((p) => !p.metadata?.deletionTimestamp)
    .sort((a, b) => String(b.metadata?.creationTimestamp ?? '').localeCompare(String(a.metadata?.creationTimestamp ?? '')))[0];
  if (!newest?.metadata?.name) return [];
  const text = await api.podLog(ref.namespace, newest.metadata.name, 'app', tail, false);
  const at = now.toISOString();
  return text
    .split('\n')
    .filter((l) => l.length > 0)
    .slice(-tail)
    .map((line) => ({ at, stream: 'stdout' as const, line: line.slice(0, 4000) }));
}
