import { ensureKubeTestEnv, useTestNamespace } from '@imad/kube-testenv';
import { newDeployId } from '@imad/status';
import { deployPayload, TestBroker } from './support/amqp';
import { startDeployer, testApp, testQueue, testStore, type TestDeployer } from './support/deployer';
import { terminalOf } from './support/local-fixture';

const ns = useTestNamespace({ prefix: 'deployer-422' });
const broker = new TestBroker();
const { store, close: closeStore } = testStore();
const queue = testQueue();
let deployer: TestDeployer;

beforeAll(async () => {
  await broker.open();
  // A misconfiguration the API server (not our config parser) rejects: request above limit.
  deployer = await startDeployer({
    RUNTIME: 'kubernetes',
    KUBECONFIG: (await ensureKubeTestEnv()).kubeconfigPath,
    APP_NAMESPACES: ns.name,
    DEPLOY_QUEUE: queue,
    APP_MEMORY_REQUEST: '512Mi',
    APP_MEMORY_LIMIT: '256Mi',
  });
});

afterAll(async () => {
  await deployer?.close();
  await broker.deleteQueues(queue);
  await broker.close();
  await closeStore();
});

describe('an object the API server refuses (422 Invalid)', () => {
  it("fails the deploy as invalid with the server's message, once, without retrying", async () => {
    const app = testApp();
    const commit = 'f'.repeat(40);
    const { revision, status } = await store.requestDeploy({ app, userId: 'u_testuser01', deployId: newDeployId(), action: 'deploy', commit });
    await broker.send(queue, deployPayload({ app, revision, deployId: status.deployId, commit, cloneUrl: 'http://repo/git/x.git' }));

    const end = await terminalOf(store, app, status.deployId);
    expect(end).toMatchObject({ phase: 'failed', reason: 'invalid' });
    expect(end.message).toMatch(/The cluster refused this app's objects: .*must be less than or equal to memory limit/);
    expect((await store.history(app, 20)).filter((s) => s.phase === 'applying')).toHaveLength(1);
    expect(await broker.drainDlq(queue)).toEqual([]);
  });
});
