// Restarts the shared Redis and RabbitMQ: the only test that may. Run it on its own, sparingly.
import { ensureKubeTestEnv, useTestNamespace } from '@imad/kube-testenv';
import { newDeployId } from '@imad/status';
import { eventually, infra } from '@imad/testing';
import { deployPayload, TestBroker } from './support/amqp';
import { startDeployer, testApp, testQueue, testStore, type TestDeployer } from './support/deployer';

const ns = useTestNamespace({ prefix: 'deployer-restart' });
let broker = new TestBroker();
const { store, close: closeStore } = testStore();
const queue = testQueue();
let deployer: TestDeployer;

beforeAll(async () => {
  await broker.open();
  // A slow rate limit stretches the burst so both restarts land in the middle of it.
  deployer = await startDeployer({
    RUNTIME: 'kubernetes',
    KUBECONFIG: (await ensureKubeTestEnv()).kubeconfigPath,
    APP_NAMESPACES: ns.name,
    DEPLOY_QUEUE: queue,
    KUBE_QPS: '15',
    KUBE_BURST: '5',
    PREFETCH: '5',
  });
});

afterAll(async () => {
  await deployer?.close();
  await broker.deleteQueues(queue).catch(() => undefined);
  await broker.close();
  await closeStore();
}, 60_000);

describe('Redis and RabbitMQ restarting in the middle of a deploy burst', () => {
  it('lose no deploy: every request the broker confirmed ends ready, exactly once', async () => {
    const deploys: { app: string; deployId: string }[] = [];
    for (let i = 0; i < 60; i++) {
      const app = testApp();
      const commit = (i + 1).toString(16).padStart(40, '0');
      const { revision, status } = await store.requestDeploy({ app, userId: 'u_testuser01', deployId: newDeployId(), action: 'deploy', commit });
      await broker.send(queue, deployPayload({ app, revision, deployId: status.deployId, commit, cloneUrl: 'http://repo/git/x.git' }));
      deploys.push({ app, deployId: status.deployId });
    }
    const readyBefore = await countReady(deploys);
    expect(readyBefore).toBeLessThan(deploys.length); // the burst is still going

    await infra('restart', 'redis');
    await infra('restart', 'rabbitmq');
    await broker.close();
    broker = await new TestBroker().open();

    await eventually('every deploy ready', async () => (await countReady(deploys)) === deploys.length, 240_000, 1_000);
    for (const d of deploys) {
      const ends = (await store.history(d.app, 50)).filter((s) => s.deployId === d.deployId && ['ready', 'failed', 'superseded'].includes(s.phase));
      expect(ends.map((e) => e.phase)).toEqual(['ready']);
    }
  }, 400_000);
});

async function countReady(deploys: { app: string; deployId: string }[]): Promise<number> {
  let n = 0;
  for (const d of deploys) if ((await store.current(d.app).catch(() => undefined))?.phase === 'ready') n++;
  return n;
}
