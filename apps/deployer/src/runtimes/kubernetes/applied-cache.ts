import { createHash } from 'node:crypto';
import type { KubernetesObject } from '@kubernetes/client-node';
import type { Redis } from 'ioredis';

/**
 * Objects that rarely change between deploys of one app (Secret, Service, NetworkPolicy)
 * are applied again only when their content changed or a while has passed: in a deadline
 * burst most deploys then cost one apply, the Deployment's. Shared by all workers through
 * Redis (`imad:app:<app>:applied`, object → content hash, expiring), with a local copy in
 * front. The TTL bounds how long an object deleted behind the deployer's back stays missing.
 */
export class AppliedCache {
  private readonly local = new Map<string, { hash: string; at: number }>();

  constructor(
    private readonly redis: Redis | undefined,
    private readonly ttlMs = 10 * 60_000,
    private readonly maxLocal = 50_000,
  ) {}

  async fresh(app: string, object: KubernetesObject): Promise<boolean> {
    const field = fieldOf(object);
    const hash = hashOf(object);
    const mine = this.local.get(`${app}/${field}`);
    if (mine && mine.hash === hash && Date.now() - mine.at < this.ttlMs) return true;
    if (!this.redis) return false;
    // A Redis hiccup only costs an extra apply.
    const shared = await this.redis.hget(keyOf(app), field).catch(() => null);
    return shared === hash;
  }

  async remember(app: string, object: KubernetesObject): Promise<void> {
    const field = fieldOf(object);
    const hash = hashOf(object);
    if (this.local.size >= this.maxLocal) this.local.delete(this.local.keys().next().value!);
    this.local.set(`${app}/${field}`, { hash, at: Date.now() });
    await this.redis?.multi().hset(keyOf(app), field, hash).pexpire(keyOf(app), this.ttlMs).exec().catch(() => undefined);
  }

  async forgetApp(app: string): Promise<void> {
    for (const key of [...this.local.keys()]) if (key.startsWith(`${app}/`)) this.local.delete(key);
    await this.redis?.del(keyOf(app)).catch(() => undefined);
  }

  async forget(app: string, object: KubernetesObject): Promise<void> {
    this.local.delete(`${app}/${fieldOf(object)}`);
    await this.redis?.hdel(keyOf(app), fieldOf(object)).catch(() => undefined);
  }
}

const keyOf = (app: string) => `imad:app:${app}:applied`;
const fieldOf = (o: KubernetesObject) => `${o.kind}/${o.metadata?.namespace}/${o.metadata?.name}`;
const hashOf = (o: KubernetesObject) => createHash('sha1').update(JSON.stringify(o)).digest('hex');
