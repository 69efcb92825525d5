import type { LocalRuntime } from '../src/runtimes/local/local-runtime';
import { testApp } from './support/deployer';
import { getViaRouter } from './support/http';
import { terminalOf } from './support/local-fixture';
import { useLocalDeployer } from './support/deployer-env';

const env = useLocalDeployer();
const { store, git } = env;

// A dependency npm can install offline: a local package referenced with file:.
const files = (greeting: string) => ({
  'package.json': JSON.stringify({ name: 'with-deps', type: 'module', scripts: { start: 'node server.js' }, dependencies: { greet: 'file:./greet' } }),
  'greet/package.json': JSON.stringify({ name: 'greet', version: '1.0.0', main: 'index.js' }),
  'greet/index.js': 'module.exports = (who) => `hello, ${who}`;\n',
  'server.js': `import { createRequire } from 'node:module';\nconst greet = createRequire(import.meta.url)('greet');\nimport { createServer } from 'node:http';\ncreateServer((q, s) => s.end(greet('${greeting}'))).listen(process.env.PORT);\n`,
});

describe('local runtime: npm dependencies', () => {
  it('installs them when package.json declares some, and reuses the install while package.json is unchanged', async () => {
    const app = testApp();
    const port = (env.deployer.runtime as LocalRuntime).routerPort;
    const first = await env.deploy(app, await git.commit(app, { files: files('world') }), git.cloneUrl(app));
    expect((await terminalOf(store, app, first.deployId, 120_000)).phase).toBe('ready');
    expect((await getViaRouter(port, `${app}.apps.localhost`)).body).toBe('hello, world');

    const second = await env.deploy(app, await git.commit(app, { files: { 'server.js': files('again')['server.js'] } }), git.cloneUrl(app));
    expect((await terminalOf(store, app, second.deployId)).phase).toBe('ready');
    expect((await getViaRouter(port, `${app}.apps.localhost`)).body).toBe('hello, again');

    const notes = (await store.logTail(app, 200)).filter((l) => l.stream === 'system').map((l) => l.line);
    expect(notes).toContain('dependencies installed');
    expect(notes).toContain('dependencies unchanged; reused');
  });

  it('fails with the npm output when the dependencies cannot be installed', async () => {
    const app = testApp();
    const broken = { ...files('x'), 'package.json': JSON.stringify({ name: 'broken', scripts: { start: 'node server.js' }, dependencies: { greet: 'file:./missing.tgz' } }) };
    const { deployId } = await env.deploy(app, await git.commit(app, { files: broken }), git.cloneUrl(app));
    const end = await terminalOf(store, app, deployId, 120_000);
    expect(end).toMatchObject({ phase: 'failed', reason: 'crash-loop' });
    expect(end.message).toContain('Installing your dependencies failed');
    expect(end.logTail?.join('\n')).toMatch(/npm (error|ERR)/);
  });
});
