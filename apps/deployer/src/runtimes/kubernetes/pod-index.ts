import type { V1Pod } from '@kubernetes/client-node';
import type { WatchEvent } from './list-watch';
import { summarizePod, type PodSummary } from './pod-problems';

/** The pods of apps whose rollout is being looked at, by namespace/instance. */
export class PodIndex {
  private readonly byApp = new Map<string, Map<string, PodSummary>>();

  /** Replaces one app's pods with a fresh list. */
  replace(key: string, pods: V1Pod[]): void {
    this.byApp.delete(key);
    for (const pod of pods) this.apply('ADDED', pod);
  }

  drop(key: string): void {
    this.byApp.delete(key);
  }

  /** Applies one watch event; returns the pod's summary (undefined for unmanaged pods). */
  apply(type: WatchEvent, pod: V1Pod): PodSummary | undefined {
    const p = summarizePod(pod);
    if (!p) return undefined;
    const key = `${p.namespace}/${p.instance}`;
    let pods = this.byApp.get(key);
    if (type === 'DELETED') {
      pods?.delete(p.name);
      if (pods?.size === 0) this.byApp.delete(key);
      return p;
    }
    if (!pods) this.byApp.set(key, (pods = new Map()));
    pods.set(p.name, p);
    return p;
  }

  /** Pods of one app (namespace/instance) at one revision. */
  of(key: string, revision: number): PodSummary[] {
    return [...(this.byApp.get(key)?.values() ?? [])].filter((p) => p.revision === revision);
  }
}
