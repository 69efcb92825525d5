import { existsSync } from 'node:fs';
import path from 'node:path';
import { DeployLogs } from '@imad/contracts';
import { RpcClient } from '@imad/messaging';
import { newDeployId } from '@imad/status';
import { eventually } from '@imad/testing';
import type { LocalRuntime } from '../src/runtimes/local/local-runtime';
import { deployPayload, TestBroker } from './support/amqp';
import { GIT_SECRET, startDeployer, tempDataDir, testApp, testQueue, testStore, type TestDeployer } from './support/deployer';
import { TestGitServer } from './support/git-server';
import { getViaRouter } from './support/http';
import { requestAndSend, terminalOf } from './support/local-fixture';

const git = new TestGitServer(GIT_SECRET);
const broker = new TestBroker();
const { store, close: closeStore } = testStore();
const queue = testQueue();
let dataDir: string;
let deployer: TestDeployer;

beforeAll(async () => {
  await git.start();
  await broker.open();
  dataDir = await tempDataDir();
  deployer = await startDeployer({ RUNTIME: 'local', DATA_DIR: dataDir, DEPLOY_QUEUE: queue });
});

afterAll(async () => {
  await deployer?.close();
  await broker.deleteQueues(queue);
  await broker.close();
  await git.stop();
  await closeStore();
});

const version = (v: string) => ({
  'server.js': `import { createServer } from 'node:http';\ncreateServer((q, s) => s.end('${v}')).listen(process.env.PORT, () => console.log('serving ${v}'));\n`,
});
const page = async (app: string) => (await getViaRouter((deployer.runtime as LocalRuntime).routerPort, `${app}.apps.localhost`)).body;

describe('local runtime: the life of an app', () => {
  const app = testApp();
  let v1 = '';

  it('rolls back by deploying an earlier commit as a new revision', async () => {
    v1 = await git.commit(app, { files: version('v1') });
    expect((await terminalOf(store, app, (await requestAndSend(store, broker, queue, git, app, v1)).deployId)).phase).toBe('ready');
    const v2 = await git.commit(app, { files: version('v2') });
    expect((await terminalOf(store, app, (await requestAndSend(store, broker, queue, git, app, v2)).deployId)).phase).toBe('ready');
    expect(await page(app)).toBe('v2');

    const rollback = await requestAndSend(store, broker, queue, git, app, v1);
    expect(await terminalOf(store, app, rollback.deployId)).toMatchObject({ phase: 'ready', commit: v1, revision: 3 });
    expect(await page(app)).toBe('v1');
  });

  it("serves the app's output over the deployer.logs RPC", async () => {
    // rpc.deployer.logs is shared by every deployer on this broker (a platform started with
    // `npm run up` has one too) and requests go round-robin: ask until ours answers.
    const lines = await eventually('our deployer to answer with the app output', async () => {
      const r = await deployer.app.get(RpcClient).call(DeployLogs, { app, tail: 50 }, { timeoutMs: 5_000 });
      return r.lines.length > 0 && r.lines;
    });
    expect(lines.map((l) => l.line)).toContain('serving v1');
    expect(lines.some((l) => l.stream === 'system' && l.line.startsWith('deploying revision 3'))).toBe(true);
  });

  it('re-launches the running apps after a deployer restart, without a new deploy', async () => {
    const historyBefore = await store.history(app, 50);
    await deployer.close();
    deployer = await startDeployer({ RUNTIME: 'local', DATA_DIR: dataDir, DEPLOY_QUEUE: queue });
    await eventually('the app serving again', async () => (await page(app).catch(() => '')) === 'v1', 30_000);
    expect(await store.history(app, 50)).toEqual(historyBefore);
  });

  it('undeploys: stops the app, frees its files, and the router no longer knows it', async () => {
    const { revision, status } = await store.requestDeploy({ app, userId: 'u_testuser01', deployId: newDeployId(), action: 'undeploy' });
    await broker.send(queue, deployPayload({ app, revision, deployId: status.deployId, action: 'undeploy' }));
    expect((await terminalOf(store, app, status.deployId)).phase).toBe('removed');
    const gone = await getViaRouter((deployer.runtime as LocalRuntime).routerPort, `${app}.apps.localhost`);
    expect(gone.status).toBe(404);
    expect(existsSync(path.join(dataDir, 'apps', app))).toBe(false);
  });
});
