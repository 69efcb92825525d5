import { DeployLogs } from '@imad/contracts';
import { useTestNamespace } from '@imad/kube-testenv';
import { RpcClient } from '@imad/messaging';
import { eventually } from '@imad/testing';
import { testApp } from './support/deployer';
import { KubeFaultProxy } from './support/kube-fault-proxy';
import { terminalOf } from './support/local-fixture';
import { useKubernetesDeployer } from './support/deployer-env';

const ns = useTestNamespace({ prefix: 'deployer-logs' });
const proxy = new KubeFaultProxy();
const env = useKubernetesDeployer(ns, {}, proxy);
const { store } = env;

async function deploy(app: string) {
  const commit = '5'.repeat(40);
  const { deployId } = await env.deploy(app, commit, 'http://repo/git/x.git');
  expect((await terminalOf(store, app, deployId)).phase).toBe('ready');
}

// kwok's kubelets are simulated and serve no container logs; the proxy answers the pod
// log calls the way kubelet (through the API server) would.
describe('kubernetes runtime: app output', () => {
  it("follows the new pod's log after a deploy and publishes each line to the app's log channel and tail", async () => {
    const app = testApp();
    const follow = proxy.inject({ method: 'GET', path: new RegExp(`/pods/app-${app}-[^/]+/log\\?.*follow=true`) }, { kind: 'respond', status: 200, body: 'listening on 8080\nGET / 200\n' });
    const live: string[] = [];
    const sub = await store.subscribeLogs([app], (_a, l) => live.push(l.line));
    try {
      await deploy(app);
      await eventually('the followed lines', async () => (await store.logTail(app, 10)).length >= 2);
      expect((await store.logTail(app, 10)).map((l) => l.line)).toEqual(['listening on 8080', 'GET / 200']);
      await eventually('live delivery', () => live.length >= 2);
      expect(follow.hits).toBe(1);
    } finally {
      await sub.close();
    }
  });

  it('says so in the app log when the cluster cannot serve the output', async () => {
    const app = testApp();
    const sub = await store.subscribeLogs([app], () => undefined);
    try {
      await deploy(app);
      const note = await eventually('a note in the log', async () => (await store.logTail(app, 10)).find((l) => l.stream === 'system'));
      expect(note.line).toMatch(/^live output is not available right now \(the cluster answered \d+\)$/);
    } finally {
      await sub.close();
    }
  });

  it('does not follow an app nobody is watching (no pod list, no log stream)', async () => {
    const app = testApp();
    await deploy(app);
    const other = testApp(); // a second deploy gives the first one's follow time to have started
    await deploy(other);
    expect(proxy.seen.filter((l) => l.includes(`app-${app}`) && (l.includes('/log?') || l.includes('/pods?')))).toEqual([]);
    expect(await store.logTail(app, 10)).toEqual([]);
  });

  it('serves a tail of the pod log over the deployer.logs RPC', async () => {
    const app = testApp();
    await deploy(app);
    proxy.inject({ method: 'GET', path: new RegExp(`/pods/app-${app}-[^/]+/log\\?.*tailLines=3`) }, { kind: 'respond', status: 200, body: 'one\ntwo\nthree\n' }, 100);
    // rpc.deployer.logs is shared with any other deployer on this broker: ask until ours answers.
    const lines = await eventually('our deployer to answer', async () => {
      const r = await env.deployer.app.get(RpcClient).call(DeployLogs, { app, tail: 3 }, { timeoutMs: 5_000 });
      return r.lines.length > 0 && r.lines;
    });
    expect(lines.map((l) => l.line)).toEqual(['one', 'two', 'three']);
  });
});
