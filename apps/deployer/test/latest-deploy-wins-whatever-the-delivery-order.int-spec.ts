import { AppsV1Api } from '@kubernetes/client-node';
import { ensureKubeTestEnv, useTestNamespace } from '@imad/kube-testenv';
import { newDeployId, statusKeys } from '@imad/status';
import { eventually } from '@imad/testing';
import { deployPayload, TestBroker, type DeployPayload } from './support/amqp';
import { startDeployer, testApp, testQueue, testStore, type TestDeployer } from './support/deployer';
import { KubeFaultProxy } from './support/kube-fault-proxy';
import { terminalOf } from './support/local-fixture';
import { counterBy } from './support/metrics';

const ns = useTestNamespace({ prefix: 'deployer-latest' });
const proxy = new KubeFaultProxy();
const broker = new TestBroker();
const { store, redis, close: closeStore } = testStore();
const queue = testQueue();
const workers: TestDeployer[] = [];

beforeAll(async () => {
  await broker.open();
  await proxy.start((await ensureKubeTestEnv()).kubeconfigPath);
  // Two workers on one queue: per-app exclusion must hold across processes' worth of consumers.
  for (let i = 0; i < 2; i++) {
    workers.push(await startDeployer({ RUNTIME: 'kubernetes', KUBECONFIG: proxy.kubeconfigPath, APP_NAMESPACES: ns.name, DEPLOY_QUEUE: queue, PREFETCH: '5' }));
  }
});

afterAll(async () => {
  for (const w of workers) await w.close();
  await proxy.stop();
  await broker.deleteQueues(queue);
  await broker.close();
  await closeStore();
});

const commitOf = (n: number) => n.toString(16).padStart(40, '0');

async function request(app: string, n: number): Promise<DeployPayload> {
  const commit = commitOf(n);
  const { revision, status } = await store.requestDeploy({ app, userId: 'u_testuser01', deployId: newDeployId(), action: 'deploy', commit });
  return deployPayload({ app, revision, deployId: status.deployId, commit, cloneUrl: 'http://repo/git/x.git' });
}

async function annotatedRevision(app: string): Promise<number> {
  const d = await ns.kubeConfig.makeApiClient(AppsV1Api).readNamespacedDeployment({ namespace: ns.name, name: `app-${app}` });
  return Number(d.metadata?.annotations?.['imad.dev/revision']);
}

async function superseded(): Promise<number> {
  const sums = await Promise.all(workers.map((w) => counterBy(w.app, 'deployer_requests_total', 'outcome')));
  return sums.reduce((n, s) => n + (s.superseded ?? 0), 0);
}

describe('latest deploy wins', () => {
  it('older requests delivered after the newest are superseded without any call to the cluster', async () => {
    const app = testApp();
    const [r1, r2, r3] = [await request(app, 1), await request(app, 2), await request(app, 3)];
    const before = await superseded();
    for (const p of [r3, r1, r2]) await broker.send(queue, p);

    expect((await terminalOf(store, app, r3.deployId)).phase).toBe('ready');
    for (const old of [r1, r2]) expect((await terminalOf(store, app, old.deployId)).phase).toBe('superseded');
    await eventually('both older requests handled', async () => (await superseded()) - before === 2);
    const patches = proxy.seen.filter((l) => l.startsWith('PATCH') && l.includes(`/deployments/app-${app}`));
    expect(patches).toHaveLength(1);
    expect(await annotatedRevision(app)).toBe(r3.revision);
  });

  it('never lets an older revision replace a newer one in the cluster, even when Redis forgot the newer one', async () => {
    const app = testApp();
    await request(app, 4); // revision 1, never sent
    const newer = await request(app, 5);
    await broker.send(queue, newer);
    expect((await terminalOf(store, app, newer.deployId)).phase).toBe('ready');

    // As if Redis lost this app's keys (the status guard is gone; the cluster guard remains).
    const k = statusKeys(app);
    await redis.del(k.status, k.desired, k.revisions);
    const older = deployPayload({ app, revision: newer.revision - 1, deployId: newDeployId(), commit: commitOf(4), cloneUrl: 'http://repo/git/x.git' });
    await broker.send(queue, older);

    const end = await terminalOf(store, app, older.deployId);
    expect(end).toMatchObject({ phase: 'superseded' });
    expect(end.message).toContain(`revision ${newer.revision} of this app is already running`);
    expect(await annotatedRevision(app)).toBe(newer.revision);
  });

  it('a burst of shuffled revisions of one app across two workers ends at the newest, each deploy ending exactly once', async () => {
    const app = testApp();
    const burst: DeployPayload[] = [];
    for (let n = 1; n <= 12; n++) burst.push(await request(app, n));
    const shuffled = [...burst].sort(() => Math.random() - 0.5);
    await Promise.all(shuffled.map((p) => broker.send(queue, p)));
    await expectEndsAtNewest(app, burst);
  });

  it('revisions requested while workers are applying earlier ones still end at the newest, each deploy ending exactly once', async () => {
    const app = testApp();
    const burst: DeployPayload[] = [];
    for (let n = 1; n <= 12; n++) {
      const p = await request(app, n);
      burst.push(p);
      void broker.send(queue, p);
      await new Promise((r) => setTimeout(r, 40));
    }
    await expectEndsAtNewest(app, burst);
    // Several revisions applied by two workers, the unchanged Service only once (shared cache).
    const applied = (kind: string) => proxy.seen.filter((l) => l.startsWith('PATCH') && l.includes(`/${kind}/app-${app}`)).length;
    expect(applied('deployments')).toBeGreaterThan(1);
    expect(applied('services')).toBe(1);
  });
});

async function expectEndsAtNewest(app: string, burst: DeployPayload[]): Promise<void> {
  const newest = burst.at(-1)!;
  expect((await terminalOf(store, app, newest.deployId)).phase).toBe('ready');
  expect(await annotatedRevision(app)).toBe(newest.revision);
  for (const p of burst) await terminalOf(store, app, p.deployId);
  const history = await store.history(app, 100);
  for (const p of burst) {
    const ends = history.filter((s) => s.deployId === p.deployId && ['ready', 'failed', 'superseded'].includes(s.phase));
    expect(ends).toHaveLength(1);
    if (p === newest) expect(ends[0]!.phase).toBe('ready');
    else expect(['ready', 'superseded']).toContain(ends[0]!.phase);
  }
}
