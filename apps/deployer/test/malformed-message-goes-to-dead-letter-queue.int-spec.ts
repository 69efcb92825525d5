import path from 'node:path';
import { MessagingHeaders } from '@imad/messaging';
import { eventually, repoRoot } from '@imad/testing';
import { testApp } from './support/deployer';
import { terminalOf } from './support/local-fixture';
import { useLocalDeployer } from './support/deployer-env';

const env = useLocalDeployer();
const { broker, store, queue, git } = env;

const collected: { body: string; headers: Record<string, unknown> }[] = [];

describe('a malformed deploy request', () => {
  it('goes to the dead-letter queue with the reason, and the consumer keeps deploying', async () => {
    const envelope = (payload: unknown, v = 1) => JSON.stringify({ type: 'deploy.requested', v, id: 'm-1', occurredAt: new Date().toISOString(), payload });
    await broker.raw(queue, 'this is not json');
    await broker.raw(queue, envelope({ deployId: 'd_abcdefgh12' }, 7));
    await broker.raw(queue, envelope({ deployId: 'nope', userId: 'u_testuser01', app: 'a', action: 'deploy', revision: 1, requestedAt: new Date().toISOString() }));
    // A valid envelope of another type on this queue.
    await broker.raw(queue, JSON.stringify({ type: 'user.registered', v: 1, id: 'm-2', occurredAt: new Date().toISOString(), payload: {} }));

    const app = testApp();
    const commit = await git.commit(app, { from: path.join(repoRoot, 'templates/node-starter') });
    const { deployId } = await env.deploy(app, commit, git.cloneUrl(app));
    expect((await terminalOf(store, app, deployId)).phase).toBe('ready');

    const dead = await eventually('four dead letters', async () => {
      const got = await broker.drainDlq(queue);
      collected.push(...got);
      return collected.length >= 4 && collected;
    });
    const reasons = dead.map((d) => String(d.headers[MessagingHeaders.reason]));
    expect(reasons).toEqual([
      expect.stringContaining('not valid JSON'),
      expect.stringContaining('unsupported version 7'),
      expect.stringMatching(/payload.*deployId/),
      expect.stringContaining('unexpected type "user.registered"'),
    ]);
    expect(dead[0]!.body).toBe('this is not json'); // the original bytes, for replay
  });
});

describe('a well-formed request for an invalid app or commit', () => {
  it('ends as failed(invalid) with a sentence naming the problem, not in the dead-letter queue', async () => {
    const app = testApp();
    // An abbreviated commit: the IDE would never send it, but a hand-made request might.
    await broker.send(queue, { deployId: 'd_badcommit01', userId: 'u_testuser01', app, action: 'deploy', revision: 1, commit: 'abc1234', cloneUrl: git.cloneUrl(app), requestedAt: new Date().toISOString() });
    await broker.send(queue, { deployId: 'd_badappname1', userId: 'u_testuser01', app: 'Bad_App', action: 'deploy', revision: 1, commit: 'a'.repeat(40), cloneUrl: git.cloneUrl(app), requestedAt: new Date().toISOString() });

    const badCommit = await terminalOf(store, app, 'd_badcommit01');
    expect(badCommit).toMatchObject({ phase: 'failed', reason: 'invalid' });
    expect(badCommit.message).toContain('commit "abc1234" must be a full commit id');
    const badApp = await terminalOf(store, 'Bad_App', 'd_badappname1');
    expect(badApp.message).toContain('app name "Bad_App" must be a DNS label');
    await store.redis.del('imad:app:Bad_App:status', 'imad:app:Bad_App:history', 'imad:app:Bad_App:revisions');
    expect(await broker.drainDlq(queue)).toEqual([]);
  });

  it('ends as failed(invalid) when the commit does not exist in the repository', async () => {
    const app = testApp();
    await git.commit(app, { files: { 'server.js': '' } });
    const missing = 'f'.repeat(40);
    const { deployId } = await env.deploy(app, missing, git.cloneUrl(app));
    const end = await terminalOf(store, app, deployId);
    expect(end).toMatchObject({ phase: 'failed', reason: 'invalid' });
    expect(end.message).toContain(`Could not fetch commit ${missing.slice(0, 12)}`);
  });
});
