import { createHash } from 'node:crypto';
import type { KubernetesObject } from '@kubernetes/client-node';

/**
 * Objects that rarely change between deploys of one app (Secret, Service, NetworkPolicy)
 * are applied again only when their content changed or a while has passed: in a
 * deadline burst most deploys then cost one apply, the Deployment's. The TTL bounds how
 * long an object deleted behind the deployer's back stays missing.
 */
export class AppliedCache {
  private readonly entries = new Map<string, { hash: string; at: number }>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly maxEntries = 50_000,
  ) {}

  fresh(object: KubernetesObject): boolean {
    const entry = this.entries.get(keyOf(object));
    return !!entry && entry.hash === hashOf(object) && Date.now() - entry.at < this.ttlMs;
  }

  remember(object: KubernetesObject): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(keyOf(object), { hash: hashOf(object), at: Date.now() });
  }

  forget(object: KubernetesObject): void {
    this.entries.delete(keyOf(object));
  }
}

const keyOf = (o: KubernetesObject) => `${o.kind}/${o.metadata?.namespace}/${o.metadata?.name}`;
const hashOf = (o: KubernetesObject) => createHash('sha1').update(JSON.stringify(o)).digest('hex');
