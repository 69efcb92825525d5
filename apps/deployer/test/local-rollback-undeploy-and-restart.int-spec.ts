import { existsSync } from 'node:fs';
import path from 'node:path';
import { DeployLogs } from '@imad/contracts';
import { RpcClient } from '@imad/messaging';
import { newDeployId } from '@imad/status';
import { eventually } from '@imad/testing';
import type { LocalRuntime } from '../src/runtimes/local/local-runtime';
import { deployPayload } from './support/amqp';
import { testApp } from './support/deployer';
import { getViaRouter } from './support/http';
import { terminalOf } from './support/local-fixture';
import { useLocalDeployer } from './support/deployer-env';

const env = useLocalDeployer();
const { broker, store, queue, git } = env;

const version = (v: string) => ({
  'server.js': `import { createServer } from 'node:http';\ncreateServer((q, s) => s.end('${v}')).listen(process.env.PORT, () => console.log('serving ${v}'));\n`,
});
const page = async (app: string) => (await getViaRouter((env.deployer.runtime as LocalRuntime).routerPort, `${app}.apps.localhost`)).body;

describe('local runtime: the life of an app', () => {
  const app = testApp();
  let v1 = '';

  it('rolls back by deploying an earlier commit as a new revision', async () => {
    v1 = await git.commit(app, { files: version('v1') });
    expect((await terminalOf(store, app, (await env.deploy(app, v1, git.cloneUrl(app))).deployId)).phase).toBe('ready');
    const v2 = await git.commit(app, { files: version('v2') });
    expect((await terminalOf(store, app, (await env.deploy(app, v2, git.cloneUrl(app))).deployId)).phase).toBe('ready');
    expect(await page(app)).toBe('v2');

    const rollback = await env.deploy(app, v1, git.cloneUrl(app));
    expect(await terminalOf(store, app, rollback.deployId)).toMatchObject({ phase: 'ready', commit: v1, revision: 3 });
    expect(await page(app)).toBe('v1');
  });

  it("serves the app's output over the deployer.logs RPC", async () => {
    // rpc.deployer.logs is shared by every deployer on this broker (a platform started with
    // `npm run up` has one too) and requests go round-robin: ask until ours answers.
    const lines = await eventually('our deployer to answer with the app output', async () => {
      const r = await env.deployer.app.get(RpcClient).call(DeployLogs, { app, tail: 50 }, { timeoutMs: 5_000 });
      return r.lines.length > 0 && r.lines;
    });
    expect(lines.map((l) => l.line)).toContain('serving v1');
    expect(lines.some((l) => l.stream === 'system' && l.line.startsWith('deploying revision 3'))).toBe(true);
  });

  it('re-launches the running apps after a deployer restart, without a new deploy', async () => {
    const historyBefore = await store.history(app, 50);
    await env.restart();
    await eventually('the app serving again', async () => (await page(app).catch(() => '')) === 'v1', 30_000);
    expect(await store.history(app, 50)).toEqual(historyBefore);
  });

  it('undeploys: stops the app, frees its files, and the router no longer knows it', async () => {
    const { revision, status } = await store.requestDeploy({ app, userId: 'u_testuser01', deployId: newDeployId(), action: 'undeploy' });
    await broker.send(queue, deployPayload({ app, revision, deployId: status.deployId, action: 'undeploy' }));
    expect((await terminalOf(store, app, status.deployId)).phase).toBe('removed');
    const gone = await getViaRouter((env.deployer.runtime as LocalRuntime).routerPort, `${app}.apps.localhost`);
    expect(gone.status).toBe(404);
    expect(existsSync(path.join(env.dataDir, 'apps', app))).toBe(false);
  });
});
