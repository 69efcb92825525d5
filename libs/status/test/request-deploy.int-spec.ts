import { AppError } from '@imad/contracts';
import { COMMIT_A, COMMIT_B, newDeployId, USER, useStore } from './redis-fixture';

const t = useStore();

describe('StatusStore.requestDeploy', () => {
  it('gives each request of an app the next revision, records it as desired and writes queued', async () => {
    const app = t.app();
    const first = await t.store.requestDeploy({ app, userId: USER, deployId: newDeployId(), action: 'deploy', commit: COMMIT_A });
    const secondId = newDeployId();
    const second = await t.store.requestDeploy({ app, userId: USER, deployId: secondId, action: 'deploy', commit: COMMIT_B });

    expect([first.revision, second.revision]).toEqual([1, 2]);
    expect(await t.store.desired(app)).toMatchObject({ app, revision: 2, deployId: secondId, commit: COMMIT_B, action: 'deploy' });
    expect(await t.store.current(app)).toMatchObject({ revision: 2, deployId: secondId, phase: 'queued' });
  });

  it('marks the displaced unfinished request superseded, so both deploys end up with a phase', async () => {
    const app = t.app();
    const first = await t.store.requestDeploy({ app, userId: USER, deployId: newDeployId(), action: 'deploy', commit: COMMIT_A });
    await t.store.requestDeploy({ app, userId: USER, deployId: newDeployId(), action: 'deploy', commit: COMMIT_B });

    const history = await t.store.history(app, 10);
    expect(history.map((s) => [s.revision, s.phase])).toEqual([
      [2, 'queued'],
      [1, 'superseded'],
      [1, 'queued'],
    ]);
    expect(history[1]).toMatchObject({ deployId: first.status.deployId, commit: COMMIT_A });
  });

  it('never reuses a revision even when the counter is lost but a status remains', async () => {
    const app = t.app();
    await t.store.requestDeploy({ app, userId: USER, deployId: newDeployId(), action: 'deploy', commit: COMMIT_A });
    await t.store.requestDeploy({ app, userId: USER, deployId: newDeployId(), action: 'deploy', commit: COMMIT_A });
    await t.redis.del(`imad:app:${app}:desired`);

    const next = await t.store.requestDeploy({ app, userId: USER, deployId: newDeployId(), action: 'undeploy' });
    expect(next.revision).toBe(3);
  });

  it('refuses a deploy without a commit or with a bad app name, and writes nothing', async () => {
    const app = t.app();
    const noCommit = await t.store.requestDeploy({ app, userId: USER, deployId: newDeployId(), action: 'deploy' }).catch((e: unknown) => e);
    expect(noCommit).toBeInstanceOf(AppError);
    expect(noCommit).toMatchObject({ code: 'STATUS.INVALID', details: { fields: ['commit'] } });

    const badApp = await t.store
      .requestDeploy({ app: 'Not A Name', userId: USER, deployId: newDeployId(), action: 'deploy', commit: COMMIT_A })
      .catch((e: unknown) => e);
    expect(badApp).toMatchObject({ code: 'STATUS.INVALID' });
    expect(await t.store.current(app)).toBeUndefined();
    expect(await t.store.desired(app)).toBeUndefined();
  });
});
