import path from 'node:path';
import { eventually, repoRoot } from '@imad/testing';
import type { LocalRuntime } from '../src/runtimes/local/local-runtime';
import { testApp } from './support/deployer';
import { getViaRouter } from './support/http';
import { useLocalDeployer } from './support/deployer-env';

const env = useLocalDeployer();
const { store, git } = env;

describe('local runtime: the course template app', () => {
  it('is deployed through the queue, reaches ready, and serves its page through the router', async () => {
    const app = testApp();
    const commit = await git.commit(app, { from: path.join(repoRoot, 'templates/node-starter') });
    const { revision } = await env.deploy(app, commit, git.cloneUrl(app));

    const ready = await eventually('ready', async () => {
      const s = await store.current(app);
      if (s?.phase === 'failed') throw new Error(`deploy failed: ${s.message} ${s.logTail?.join('\n')}`);
      return s?.phase === 'ready' && s;
    }, 60_000);
    expect(ready).toMatchObject({ revision, commit, url: `http://${app}.apps.localhost:8081/` });
    expect((await store.history(app, 10)).map((s) => s.phase).reverse()).toEqual(['queued', 'applying', 'rolling-out', 'ready']);

    const port = (env.deployer.runtime as LocalRuntime).routerPort;
    const page = await getViaRouter(port, `${app}.apps.localhost:${port}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Hello, world!');
    const css = await getViaRouter(port, `${app}.apps.localhost`, '/style.css');
    expect(css.status).toBe(200);
    expect(git.requests.filter((r) => r.app === app).every((r) => r.status === 200)).toBe(true);
  });

  it('answers a clear 404 page for an app that does not exist, and for a host that is no app', async () => {
    const port = (env.deployer.runtime as LocalRuntime).routerPort;
    const unknown = await getViaRouter(port, `nobody-here.apps.localhost:${port}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('There is no app named <code>nobody-here</code>');
    const other = await getViaRouter(port, 'example.com');
    expect(other.status).toBe(404);
    expect(other.body).toContain('No such site');
  });
});
