import { ensureKubeTestEnv, useTestNamespace } from '@imad/kube-testenv';
import { newDeployId } from '@imad/status';
import { eventually } from '@imad/testing';
import { deployPayload, TestBroker } from './support/amqp';
import { startDeployer, testApp, testQueue, testStore, type TestDeployer } from './support/deployer';
import { KubeFaultProxy } from './support/kube-fault-proxy';
import { terminalOf } from './support/local-fixture';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process';

const ns = useTestNamespace({ prefix: 'deployer-sigterm' });
const proxy = new KubeFaultProxy();
const broker = new TestBroker();
const { store, close: closeStore } = testStore();
const queue = testQueue();
let worker: WorkerProcess | undefined;
let other: TestDeployer | undefined;

beforeAll(async () => {
  await broker.open();
  await proxy.start((await ensureKubeTestEnv()).kubeconfigPath);
});

afterAll(async () => {
  worker?.proc.kill('SIGKILL');
  await other?.close();
  await proxy.stop();
  await broker.deleteQueues(queue);
  await broker.close();
  await closeStore();
});

describe('SIGTERM to a worker with a deploy in flight', () => {
  it('stops taking work, finishes the apply, acks, and exits 0; the deploy is not run twice', async () => {
    const env = { RUNTIME: 'kubernetes', KUBECONFIG: proxy.kubeconfigPath, APP_NAMESPACES: ns.name, DEPLOY_QUEUE: queue };
    worker = await startWorkerProcess(env);
    const app = testApp();
    const commit = '2'.repeat(40);
    const held = proxy.inject({ method: 'PATCH', path: new RegExp(`/deployments/app-${app}\\?`) }, { kind: 'delay', ms: 3_000 });
    const { revision, status } = await store.requestDeploy({ app, userId: 'u_testuser01', deployId: newDeployId(), action: 'deploy', commit });
    await broker.send(queue, deployPayload({ app, revision, deployId: status.deployId, commit, cloneUrl: 'http://repo/git/x.git' }));
    await eventually('the worker to be inside the apply', () => held.hits === 1);
    other = await startDeployer(env); // follows the rollout once the first worker is gone

    worker.proc.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(worker.lines.some((l) => l.includes('shutting down: no new work, finishing in-flight work'))).toBe(true);
    // Structured logs: the deploy's lines carry its id and app.
    const logged = worker.lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const deployLines = logged.filter((l) => String(l.msg).startsWith('deploy '));
    expect(deployLines.map((l) => l.msg)).toEqual(['deploy applying', 'deploy rolling-out']);
    for (const l of deployLines) expect(l).toMatchObject({ deployId: status.deployId, app, service: 'deployer' });

    expect((await terminalOf(store, app, status.deployId)).phase).toBe('ready');
    const phases = (await store.history(app, 20)).filter((s) => s.deployId === status.deployId).map((s) => s.phase).reverse();
    expect(phases).toEqual(['queued', 'applying', 'rolling-out', 'ready']);
  });
});
