import { AppsV1Api, CoreV1Api, NetworkingV1Api } from '@kubernetes/client-node';
import { useTestNamespace } from '@imad/kube-testenv';
import { newDeployId } from '@imad/status';
import { eventually } from '@imad/testing';
import { deployPayload } from './support/amqp';
import { testApp } from './support/deployer';
import { useKubernetesDeployer } from './support/deployer-env';

const ns = useTestNamespace({ prefix: 'deployer-ready' });
const env = useKubernetesDeployer(ns);
const { broker, store, queue } = env;

describe('kubernetes runtime', () => {
  it('deploys the template app through the queue and reports ready once its pod is Ready on a kwok node', async () => {
    const app = testApp();
    const commit = 'c'.repeat(40);
    const { revision, deployId } = await env.deploy(app, commit, `http://repo.imad.svc:3002/git/${app}.git`);

    const ready = await eventually('ready', async () => {
      const s = await store.current(app);
      if (s?.phase === 'failed') throw new Error(`failed: ${s.reason} ${s.message}`);
      return s?.phase === 'ready' && s;
    }, 60_000);
    expect(ready).toMatchObject({ revision, commit, deployId });
    expect((await store.history(app, 10)).map((s) => s.phase).reverse()).toEqual(['queued', 'applying', 'rolling-out', 'ready']);

    const name = `app-${app}`;
    const apps = ns.kubeConfig.makeApiClient(AppsV1Api);
    const core = ns.kubeConfig.makeApiClient(CoreV1Api);
    const deployment = await apps.readNamespacedDeployment({ namespace: ns.name, name });
    expect(deployment.metadata?.annotations).toMatchObject({ 'imad.dev/revision': String(revision), 'imad.dev/commit': commit });
    expect(deployment.metadata?.managedFields?.some((f) => f.manager === 'imad-deployer' && f.operation === 'Apply')).toBe(true);
    expect(deployment.status?.readyReplicas).toBe(1);

    const pods = await core.listNamespacedPod({ namespace: ns.name, labelSelector: `app.kubernetes.io/instance=${name}` });
    expect(pods.items).toHaveLength(1);
    expect(pods.items[0]!.spec?.nodeName).toMatch(/^kwok-node-/);
    expect(pods.items[0]!.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(pods.items[0]!.spec?.automountServiceAccountToken).toBe(false);

    await expect(core.readNamespacedService({ namespace: ns.name, name })).resolves.toMatchObject({ spec: { ports: [{ port: 80 }] } });
    await expect(core.readNamespacedSecret({ namespace: ns.name, name: `${name}-git` })).resolves.toBeDefined();
    const netpol = await ns.kubeConfig.makeApiClient(NetworkingV1Api).readNamespacedNetworkPolicy({ namespace: ns.name, name });
    expect(netpol.spec?.policyTypes).toEqual(['Ingress']);
  });

  it('undeploys: removes the objects and reports removed', async () => {
    const app = testApp();
    const commit = 'd'.repeat(40);
    await env.deploy(app, commit, 'http://repo/git/x.git');
    await eventually('ready', async () => (await store.current(app))?.phase === 'ready', 60_000);

    const undeploy = await store.requestDeploy({ app, userId: 'u_testuser01', deployId: newDeployId(), action: 'undeploy' });
    await broker.send(queue, deployPayload({ app, revision: undeploy.revision, deployId: undeploy.status.deployId, action: 'undeploy' }));
    await eventually('removed', async () => (await store.current(app))?.phase === 'removed', 30_000);

    const apps = ns.kubeConfig.makeApiClient(AppsV1Api);
    const gone = await apps.readNamespacedDeployment({ namespace: ns.name, name: `app-${app}` }).then(
      (d) => d.metadata?.deletionTimestamp !== undefined,
      (e: { code?: number }) => e.code === 404,
    );
    expect(gone).toBe(true);
  });
});
