import { testApp } from './support/deployer';
import { terminalOf } from './support/local-fixture';
import { useLocalDeployer } from './support/deployer-env';

const env = useLocalDeployer({ DEPLOY_RETRY_BACKOFF_MS: '50' });
const { broker, store, queue } = env;

describe('a deploy that keeps failing for transient reasons (repository unreachable)', () => {
  it('is retried with back-off, then ends as failed(internal) instead of vanishing into the dead-letter queue', async () => {
    const app = testApp();
    const commit = 'a'.repeat(40);
    const { deployId } = await env.deploy(app, commit, 'http://127.0.0.1:9/git/nowhere.git');

    const end = await terminalOf(store, app, deployId, 60_000);
    expect(end).toMatchObject({ phase: 'failed', reason: 'internal' });
    expect(end.message).toContain('after several attempts');
    const applying = (await store.history(app, 50)).filter((s) => s.phase === 'applying');
    expect(applying).toHaveLength(6); // one per attempt, the deployer's budget
    expect(await broker.drainDlq(queue)).toEqual([]);
  });
});
