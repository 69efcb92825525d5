import type { AppLogLine } from '@imad/contracts';
import { LABELS, type AppRef } from '@imad/k8s-manifests';
import type { KubeApi } from './kube-api';

/** The name of the app's newest pod that is not being deleted. */
export async function newestPod(api: KubeApi, namespace: string, instance: string): Promise<string | undefined> {
  const pods = await api.listPods(namespace, `${LABELS.instance}=${instance}`);
  return pods.items
    .filter((p) => !p.metadata?.deletionTimestamp)
    .sort((a, b) => String(b.metadata?.creationTimestamp ?? '').localeCompare(String(a.metadata?.creationTimestamp ?? '')))[0]?.metadata?.name;
}

/** The last `tail` lines of the app container of an app's newest pod, from the pod log API. */
export async function podLogTail(api: KubeApi, ref: AppRef, tail: number, now: Date): Promise<AppLogLine[]> {
  const pod = await newestPod(api, ref.namespace, ref.name);
  if (!pod) return [];
  const text = await api.podLog(ref.namespace, pod, 'app', tail, false);
  const at = now.toISOString();
  return text
    .split('\n')
    .filter((l) => l.length > 0)
    .slice(-tail)
    .map((line) => ({ at, stream: 'stdout' as const, line: line.slice(0, 4000) }));
}
