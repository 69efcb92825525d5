import path from 'node:path';
import { eventually, repoRoot } from '@imad/testing';
import { WebSocket } from 'ws';
import type { LocalRuntime } from '../src/runtimes/local/local-runtime';
import { GIT_SECRET, testApp } from './support/deployer';
import { getViaRouter } from './support/http';
import { useLocalDeployer } from './support/deployer-env';
import { terminalOf } from './support/local-fixture';

const env = useLocalDeployer();
const { store, git } = env;

// A chat-style app: HTTP page plus a WebSocket echo (ws from the workspace, by absolute path).
const server = `
import { createServer } from 'node:http';
import { WebSocketServer } from '${path.join(repoRoot, 'node_modules/ws/wrapper.mjs')}';
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ secret: process.env.GIT_READ_SECRET ?? null, redis: process.env.REDIS_URL ?? null, port: process.env.PORT, forwardedHost: req.headers['x-forwarded-host'] }));
});
new WebSocketServer({ server }).on('connection', (ws) => ws.on('message', (m) => ws.send('echo: ' + m)));
server.listen(process.env.PORT, () => console.log('listening on ' + process.env.PORT));
`;

describe('local runtime', () => {
  it('proxies WebSocket upgrades to the app by Host header', async () => {
    const app = testApp();
    const commit = await git.commit(app, { files: { 'server.js': server } });
    const { deployId } = await env.deploy(app, commit, git.cloneUrl(app));
    expect((await terminalOf(store, app, deployId)).phase).toBe('ready');

    const port = (env.deployer.runtime as LocalRuntime).routerPort;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/live`, { headers: { host: `${app}.apps.localhost:${port}` } });
    const reply = await new Promise<string>((resolve, reject) => {
      ws.on('open', () => ws.send('hello'));
      ws.on('message', (m) => resolve(String(m)));
      ws.on('error', reject);
    });
    ws.close();
    expect(reply).toBe('echo: hello');
  });

  it("runs apps with PORT and nothing of the deployer's environment (no secrets, no broker or Redis URLs)", async () => {
    const app = testApp();
    process.env.GIT_READ_SECRET = GIT_SECRET; // even if the deployer's own environment has it
    const commit = await git.commit(app, { files: { 'server.js': server } });
    const { deployId } = await env.deploy(app, commit, git.cloneUrl(app));
    expect((await terminalOf(store, app, deployId)).phase).toBe('ready');

    const port = (env.deployer.runtime as LocalRuntime).routerPort;
    const page = await getViaRouter(port, `${app}.apps.localhost:${port}`);
    const seen = JSON.parse(page.body) as Record<string, string | null>;
    expect(seen).toMatchObject({ secret: null, redis: null, forwardedHost: `${app}.apps.localhost:${port}` });
    expect(Number(seen.port)).toBeGreaterThan(0);
    delete process.env.GIT_READ_SECRET;
  });

  it('answers the "starting" page with Retry-After while an app is on its way up', async () => {
    const app = testApp();
    const slow = `import { createServer } from 'node:http';\nsetTimeout(() => createServer((q, s) => s.end('up')).listen(process.env.PORT), 3000);\n`;
    const commit = await git.commit(app, { files: { 'server.js': slow } });
    const { deployId } = await env.deploy(app, commit, git.cloneUrl(app));
    const port = (env.deployer.runtime as LocalRuntime).routerPort;
    const starting = await eventually('the starting page', async () => {
      const r = await getViaRouter(port, `${app}.apps.localhost`);
      return r.status === 503 && r;
    });
    expect(starting.headers['retry-after']).toBe('2');
    expect(starting.body).toContain('is starting');
    expect((await terminalOf(store, app, deployId)).phase).toBe('ready');
    expect((await getViaRouter(port, `${app}.apps.localhost`)).body).toBe('up');
  });
});
