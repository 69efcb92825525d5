import path from 'node:path';
import { repoRoot } from '@imad/testing';
import type { LocalRuntime } from '../src/runtimes/local/local-runtime';
import { testApp } from './support/deployer';
import { getViaRouter } from './support/http';
import { terminalOf } from './support/local-fixture';
import { useLocalDeployer } from './support/deployer-env';

const env = useLocalDeployer({ APP_START_TIMEOUT_SECONDS: '5' });
const { store, git } = env;

const crashing = `console.log('starting up');\nconsole.error('TypeError: cannot read properties of undefined (reading "port")');\nprocess.exit(1);\n`;

describe('local runtime: an app that crashes', () => {
  it('fails with crash-loop and the last lines of its output, and the router says it is not running', async () => {
    const app = testApp();
    const commit = await git.commit(app, { files: { 'package.json': '{"scripts":{"start":"node server.js"}}', 'server.js': crashing } });
    const { deployId } = await env.deploy(app, commit, git.cloneUrl(app));

    const end = await terminalOf(store, app, deployId);
    expect(end).toMatchObject({ phase: 'failed', reason: 'crash-loop' });
    expect(end.message).toMatch(/keeps crashing on start \(exited 3 times/);
    expect(end.logTail).toEqual(expect.arrayContaining(['starting up', 'TypeError: cannot read properties of undefined (reading "port")']));
    expect((await store.logTail(app, 50)).map((l) => l.line)).toContain('starting up');

    const port = (env.deployer.runtime as LocalRuntime).routerPort;
    const page = await getViaRouter(port, `${app}.apps.localhost`);
    expect(page.status).toBe(503);
    expect(page.body).toContain('its last deploy failed');
  });

  it('keeps the previous revision serving when the new one crashes', async () => {
    const app = testApp();
    const good = await git.commit(app, { from: path.join(repoRoot, 'templates/node-starter') });
    const first = await env.deploy(app, good, git.cloneUrl(app));
    expect((await terminalOf(store, app, first.deployId)).phase).toBe('ready');

    const bad = await git.commit(app, { files: { 'server.js': crashing } });
    const second = await env.deploy(app, bad, git.cloneUrl(app));
    expect((await terminalOf(store, app, second.deployId)).reason).toBe('crash-loop');

    const page = await getViaRouter((env.deployer.runtime as LocalRuntime).routerPort, `${app}.apps.localhost`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Hello, world!');
  });

  it('fails with probe-failing when the app runs but never listens on PORT', async () => {
    const app = testApp();
    const commit = await git.commit(app, { files: { 'server.js': `console.log('I forgot to listen');\nsetInterval(() => {}, 1000);\n` } });
    const { deployId } = await env.deploy(app, commit, git.cloneUrl(app));
    const end = await terminalOf(store, app, deployId, 30_000);
    expect(end).toMatchObject({ phase: 'failed', reason: 'probe-failing' });
    expect(end.message).toContain('process.env.PORT');
    expect(end.logTail).toContain('I forgot to listen');
  });
});
