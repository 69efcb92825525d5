import { useTestNamespace } from '@imad/kube-testenv';
import { testApp } from './support/deployer';
import { terminalOf } from './support/local-fixture';
import { useKubernetesDeployer } from './support/deployer-env';

const ns = useTestNamespace({ prefix: 'deployer-422' });
const env = useKubernetesDeployer(ns, {
  // A misconfiguration the API server (not our config parser) rejects: request above limit.
  APP_MEMORY_REQUEST: '512Mi',
  APP_MEMORY_LIMIT: '256Mi',
});
const { broker, store, queue } = env;

describe('an object the API server refuses (422 Invalid)', () => {
  it("fails the deploy as invalid with the server's message, once, without retrying", async () => {
    const app = testApp();
    const commit = 'f'.repeat(40);
    const { deployId } = await env.deploy(app, commit, 'http://repo/git/x.git');

    const end = await terminalOf(store, app, deployId);
    expect(end).toMatchObject({ phase: 'failed', reason: 'invalid' });
    expect(end.message).toMatch(/The cluster refused this app's objects: .*must be less than or equal to memory limit/);
    expect((await store.history(app, 20)).filter((s) => s.phase === 'applying')).toHaveLength(1);
    expect(await broker.drainDlq(queue)).toEqual([]);
  });
});
