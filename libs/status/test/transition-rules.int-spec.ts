import { Redis } from 'ioredis';
import { StatusStore } from '../src/index';
import { COMMIT_A, COMMIT_B, newDeployId, redisUrl, USER, useStore } from './redis-fixture';

const t = useStore();

async function queued(app: string, commit = COMMIT_A) {
  const r = await t.store.requestDeploy({ app, userId: USER, deployId: newDeployId(), action: 'deploy', commit });
  return { app, deployId: r.status.deployId, revision: r.revision, commit };
}

describe('StatusStore.transition', () => {
  it('moves a deploy forward and refuses a step back', async () => {
    const d = await queued(t.app());
    expect((await t.store.transition({ ...d, phase: 'applying' })).outcome).toBe('applied');
    expect((await t.store.transition({ ...d, phase: 'rolling-out' })).outcome).toBe('applied');

    const back = await t.store.transition({ ...d, phase: 'applying' });
    expect(back).toMatchObject({ outcome: 'backwards', written: false, current: { phase: 'rolling-out' } });
  });

  it('accepts exactly one terminal phase per deploy; the same one again is a harmless duplicate', async () => {
    const d = await queued(t.app());
    expect((await t.store.transition({ ...d, phase: 'ready' })).outcome).toBe('applied');
    expect((await t.store.transition({ ...d, phase: 'failed', reason: 'crash-loop' })).outcome).toBe('terminal');
    expect((await t.store.transition({ ...d, phase: 'ready' })).outcome).toBe('duplicate');

    const terminals = (await t.store.history(d.app, 10)).filter((s) => ['ready', 'failed'].includes(s.phase));
    expect(terminals).toHaveLength(1);
  });

  it('never lets an older revision overwrite the current status of a newer one', async () => {
    const app = t.app();
    const old = await queued(app, COMMIT_A);
    const fresh = await queued(app, COMMIT_B);
    await t.store.transition({ ...fresh, phase: 'applying' });

    const late = await t.store.transition({ ...old, phase: 'ready' });
    expect(late.outcome).toBe('terminal'); // it was superseded when the newer request arrived
    expect(late.current).toMatchObject({ revision: fresh.revision, phase: 'applying' });
  });

  it('records the end of an older deploy it never saw without making it current', async () => {
    const app = t.app();
    const fresh = await queued(app);
    const unseen = { app, deployId: newDeployId(), revision: fresh.revision + 5, commit: COMMIT_A };
    await t.store.transition({ ...unseen, phase: 'applying' });

    const r = await t.store.transition({ ...fresh, revision: 1, deployId: newDeployId(), phase: 'superseded' });
    expect(r.outcome).toBe('conflict'); // revision 1 belongs to another deploy id

    const older = { app, deployId: newDeployId(), revision: fresh.revision + 2, commit: COMMIT_A };
    expect((await t.store.transition({ ...older, phase: 'applying' })).outcome).toBe('stale');
    const end = await t.store.transition({ ...older, phase: 'superseded' });
    expect(end).toMatchObject({ outcome: 'recorded', written: true, current: { revision: unseen.revision, phase: 'applying' } });
    expect((await t.store.history(app, 1))[0]).toMatchObject({ deployId: older.deployId, phase: 'superseded' });
  });

  it('lets only one of many concurrent terminal writers win, across connections', async () => {
    const d = await queued(t.app());
    const clients = Array.from({ length: 8 }, () => new Redis(redisUrl()));
    try {
      const results = await Promise.all(
        clients.map((c, i) =>
          new StatusStore(c).transition(i % 2 ? { ...d, phase: 'ready' } : { ...d, phase: 'failed', reason: 'timeout' }),
        ),
      );
      expect(results.filter((r) => r.outcome === 'applied')).toHaveLength(1);
      expect(results.every((r) => ['applied', 'terminal', 'duplicate'].includes(r.outcome))).toBe(true);
    } finally {
      await Promise.all(clients.map((c) => c.quit()));
    }
  });

  it('refuses a status that does not match the contract, naming the field', async () => {
    const d = await queued(t.app());
    const error = await t.store.transition({ ...d, phase: 'exploded' as 'ready' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'STATUS.INVALID', details: { fields: ['phase'] } });
    expect(await t.store.current(d.app)).toMatchObject({ phase: 'queued' });
  });

  it('reports a key it did not write as corrupt instead of guessing', async () => {
    const app = t.app();
    await t.redis.set(`imad:app:${app}:status`, '{"not":"a status"}');
    await expect(t.store.current(app)).rejects.toMatchObject({ code: 'STATUS.CORRUPT' });
  });

  it('keeps the history stream bounded', async () => {
    const d = await queued(t.app());
    for (let i = 0; i < 300; i++) await t.store.transition({ ...d, phase: 'applying', message: `attempt ${i}` });
    expect(await t.redis.xlen(`imad:app:${d.app}:history`)).toBeLessThan(200);
  });
});

describe('StatusStore.transition with strict', () => {
  it('refuses a repeat of the current phase, so racing writers record a step once', async () => {
    const d = await queued(t.app());
    await t.store.transition({ ...d, phase: 'applying' });
    const results = await Promise.all([1, 2, 3].map(() => t.store.transition({ ...d, phase: 'rolling-out' }, { strict: true })));
    expect(results.map((r) => r.outcome).sort()).toEqual(['applied', 'duplicate', 'duplicate']);
    expect((await t.store.history(d.app, 10)).filter((s) => s.phase === 'rolling-out')).toHaveLength(1);
    // Without strict the same phase may be updated (e.g. a new message while queued).
    expect((await t.store.transition({ ...d, phase: 'rolling-out', message: 'still going' })).outcome).toBe('applied');
  });
});
