import { AppsV1Api } from '@kubernetes/client-node';
import { ensureKubeTestEnv, useTestNamespace } from '@imad/kube-testenv';
import { newDeployId } from '@imad/status';
import { eventually } from '@imad/testing';
import { deployPayload, TestBroker } from './support/amqp';
import { startDeployer, testApp, testQueue, testStore, type TestDeployer } from './support/deployer';
import { KubeFaultProxy } from './support/kube-fault-proxy';
import { terminalOf } from './support/local-fixture';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process';

const ns = useTestNamespace({ prefix: 'deployer-sigkill' });
const proxy = new KubeFaultProxy();
const broker = new TestBroker();
const { store, close: closeStore } = testStore();
const queue = testQueue();
let worker: WorkerProcess | undefined;
let survivor: TestDeployer | undefined;

beforeAll(async () => {
  await broker.open();
  await proxy.start((await ensureKubeTestEnv()).kubeconfigPath);
});

afterAll(async () => {
  worker?.proc.kill('SIGKILL');
  await survivor?.close();
  await proxy.stop();
  await broker.deleteQueues(queue);
  await broker.close();
  await closeStore();
});

describe('a worker killed (SIGKILL) in the middle of a deploy', () => {
  it('leaves the message unacked: another worker gets it, and the deploy completes exactly once', async () => {
    const env = { RUNTIME: 'kubernetes', KUBECONFIG: proxy.kubeconfigPath, APP_NAMESPACES: ns.name, DEPLOY_QUEUE: queue };
    worker = await startWorkerProcess(env);

    const app = testApp();
    const commit = '1'.repeat(40);
    // The API server "hangs" on this app's Deployment: the worker is stuck mid-apply.
    const held = proxy.inject({ method: 'PATCH', path: new RegExp(`/deployments/app-${app}\\?`) }, { kind: 'delay', ms: 60_000 });
    const { revision, status } = await store.requestDeploy({ app, userId: 'u_testuser01', deployId: newDeployId(), action: 'deploy', commit });
    await broker.send(queue, deployPayload({ app, revision, deployId: status.deployId, commit, cloneUrl: 'http://repo/git/x.git' }));
    await eventually('the worker to be inside the apply', () => held.hits === 1);
    expect((await store.current(app))?.phase).toBe('applying');

    worker.proc.kill('SIGKILL');
    expect(await worker.exited).toBeNull(); // killed, not exited
    survivor = await startDeployer(env);

    // The killed worker's app lock expires (15 s); then the survivor applies.
    const end = await terminalOf(store, app, status.deployId, 90_000);
    expect(end.phase).toBe('ready');
    const history = (await store.history(app, 20)).filter((s) => s.deployId === status.deployId).map((s) => s.phase).reverse();
    expect(history.filter((p) => p === 'ready')).toHaveLength(1);
    expect(history.filter((p) => p === 'rolling-out')).toHaveLength(1);
    expect(history.slice(0, 2)).toEqual(['queued', 'applying']);
    const d = await ns.kubeConfig.makeApiClient(AppsV1Api).readNamespacedDeployment({ namespace: ns.name, name: `app-${app}` });
    expect(d.metadata?.annotations?.['imad.dev/deploy-id']).toBe(status.deployId);
    expect(await broker.drainDlq(queue)).toEqual([]);
  });
});
