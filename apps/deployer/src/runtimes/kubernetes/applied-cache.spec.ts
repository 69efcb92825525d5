import type { KubernetesObject } from '@kubernetes/client-node';
import { AppliedCache } from './applied-cache';

const service = (port: number): KubernetesObject & { spec: unknown } => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'app-a', namespace: 'apps-0' }, spec: { port } });

describe('AppliedCache (without Redis)', () => {
  it('says an object is fresh only after it was applied, and only with the same content', async () => {
    const cache = new AppliedCache(undefined);
    expect(await cache.fresh('a', service(80))).toBe(false);
    await cache.remember('a', service(80));
    expect(await cache.fresh('a', service(80))).toBe(true);
    expect(await cache.fresh('a', service(81))).toBe(false);
  });

  it('forgets an app entirely (undeploy) and expires entries after the TTL', async () => {
    const cache = new AppliedCache(undefined, 30);
    await cache.remember('a', service(80));
    await cache.forgetApp('a');
    expect(await cache.fresh('a', service(80))).toBe(false);
    await cache.remember('a', service(80));
    await new Promise((r) => setTimeout(r, 40));
    expect(await cache.fresh('a', service(80))).toBe(false);
  });
});
