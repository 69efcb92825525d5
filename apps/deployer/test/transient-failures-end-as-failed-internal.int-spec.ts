import { TestBroker, deployPayload } from './support/amqp';
import { startDeployer, tempDataDir, testApp, testQueue, testStore, type TestDeployer } from './support/deployer';
import { terminalOf } from './support/local-fixture';
import { newDeployId } from '@imad/status';

const broker = new TestBroker();
const { store, close: closeStore } = testStore();
const queue = testQueue();
let deployer: TestDeployer;

beforeAll(async () => {
  await broker.open();
  deployer = await startDeployer({ RUNTIME: 'local', DATA_DIR: await tempDataDir(), DEPLOY_QUEUE: queue, DEPLOY_RETRY_BACKOFF_MS: '50' });
});

afterAll(async () => {
  await deployer?.close();
  await broker.deleteQueues(queue, 50);
  await broker.close();
  await closeStore();
});

describe('a deploy that keeps failing for transient reasons (repository unreachable)', () => {
  it('is retried with back-off, then ends as failed(internal) instead of vanishing into the dead-letter queue', async () => {
    const app = testApp();
    const commit = 'a'.repeat(40);
    const { revision, status } = await store.requestDeploy({ app, userId: 'u_testuser01', deployId: newDeployId(), action: 'deploy', commit });
    await broker.send(queue, deployPayload({ app, revision, deployId: status.deployId, commit, cloneUrl: 'http://127.0.0.1:9/git/nowhere.git' }));

    const end = await terminalOf(store, app, status.deployId, 60_000);
    expect(end).toMatchObject({ phase: 'failed', reason: 'internal' });
    expect(end.message).toContain('after several attempts');
    const applying = (await store.history(app, 50)).filter((s) => s.phase === 'applying');
    expect(applying).toHaveLength(6); // one per attempt, the deployer's budget
    expect(await broker.drainDlq(queue)).toEqual([]);
  });
});
