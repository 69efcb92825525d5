import { useTestNamespace } from '@imad/kube-testenv';
import { Registry } from 'prom-client';
import { testApp } from './support/deployer';
import { KubeFaultProxy } from './support/kube-fault-proxy';
import { terminalOf } from './support/local-fixture';
import { useKubernetesDeployer } from './support/deployer-env';

const ns = useTestNamespace({ prefix: 'deployer-faults' });
const proxy = new KubeFaultProxy();
const env = useKubernetesDeployer(ns, {}, proxy);
const { store } = env;

async function deploy(app: string) {
  const commit = 'e'.repeat(40);
  const { deployId } = await env.deploy(app, commit, 'http://repo/git/x.git');
  return deployId;
}

async function retries(): Promise<Record<string, number>> {
  const metric = await env.deployer.app.get(Registry).getSingleMetric('deployer_kube_retries_total')!.get();
  return Object.fromEntries(metric.values.map((v) => [String(v.labels.cause), v.value]));
}

describe('API server trouble', () => {
  it('429 (with Retry-After), 500 and a connection reset on apply are retried with back-off, and the deploy completes', async () => {
    const before = await retries();
    const deployments = { method: 'PATCH', path: /\/apis\/apps\/v1\/namespaces\/[^/]+\/deployments\// };
    const throttled = proxy.inject(deployments, { kind: 'status', status: 429, retryAfter: 1, message: 'too many requests' });
    const failed = proxy.inject(deployments, { kind: 'status', status: 500 });
    const reset = proxy.inject(deployments, { kind: 'reset' });

    const app = testApp();
    const deployId = await deploy(app);
    const started = Date.now();
    const end = await terminalOf(store, app, deployId);
    expect(end.phase).toBe('ready');
    expect([throttled.hits, failed.hits, reset.hits]).toEqual([1, 1, 1]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000); // Retry-After was honoured
    const after = await retries();
    expect((after.throttled ?? 0) - (before.throttled ?? 0)).toBe(1);
    expect((after.server ?? 0) - (before.server ?? 0)).toBe(1);
    expect((after.connection ?? 0) - (before.connection ?? 0)).toBe(1);
  });

  it('a 409 conflict (the Deployment changed since it was read) is re-read and re-applied, not failed', async () => {
    const app = testApp();
    const conflict = proxy.inject({ method: 'PATCH', path: new RegExp(`/deployments/app-${app}\\?`) }, { kind: 'status', status: 409, message: 'the object has been modified' });
    const end = await terminalOf(store, app, await deploy(app));
    expect(end.phase).toBe('ready');
    expect(conflict.hits).toBe(1);
    expect(proxy.seen.filter((l) => l.startsWith('GET') && l.includes(`/deployments/app-${app}`) && !l.includes('watch'))).toHaveLength(1); // read again after the conflict, once
  });

  it('keeps watching when a watch connection is cut, and still reports the next rollout', async () => {
    const watches = () => proxy.seen.filter((l) => l.includes('watch=true')).length;
    const before = watches();
    const refused = proxy.inject({ method: 'GET', path: /watch=true/ }, { kind: 'reset' }, 2);
    proxy.dropConnections(); // cut the live watches, as a load balancer restart would
    const app = testApp();
    expect((await terminalOf(store, app, await deploy(app))).phase).toBe('ready');
    expect(refused.hits).toBe(2);
    expect(watches() - before).toBeGreaterThanOrEqual(3); // reopened past the two refusals
  });
});
