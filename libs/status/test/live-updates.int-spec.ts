import type { DeployStatus } from '@imad/contracts';
import { COMMIT_A, eventually, newDeployId, USER, useStore } from './redis-fixture';

const t = useStore();

describe('StatusStore.subscribe', () => {
  it('replays the current status, then delivers every transition of the subscribed apps only', async () => {
    const app = t.app();
    const other = t.app();
    const r = await t.store.requestDeploy({ app, userId: USER, deployId: newDeployId(), action: 'deploy', commit: COMMIT_A });
    const seen: DeployStatus[] = [];
    const sub = await t.store.subscribe([app], (s) => seen.push(s));
    try {
      await eventually('the replayed current status', () => seen.some((s) => s.phase === 'queued'));
      await t.store.requestDeploy({ app: other, userId: USER, deployId: newDeployId(), action: 'deploy', commit: COMMIT_A });
      await t.store.transition({ app, deployId: r.status.deployId, revision: r.revision, commit: COMMIT_A, phase: 'applying' });
      await t.store.transition({ app, deployId: r.status.deployId, revision: r.revision, commit: COMMIT_A, phase: 'ready' });

      await eventually('ready delivered', () => seen.some((s) => s.phase === 'ready'));
      expect(seen.map((s) => s.phase)).toEqual(['queued', 'applying', 'ready']);
      expect(seen.every((s) => s.app === app)).toBe(true);
    } finally {
      await sub.close();
    }
  });

  it('stops delivering after close while other subscriptions on the same connection keep going', async () => {
    const app = t.app();
    const a: string[] = [];
    const b: string[] = [];
    const subA = await t.store.subscribe([app], (s) => a.push(s.phase), { replayCurrent: false });
    const subB = await t.store.subscribe([app], (s) => b.push(s.phase), { replayCurrent: false });
    await subA.close();
    await t.store.requestDeploy({ app, userId: USER, deployId: newDeployId(), action: 'deploy', commit: COMMIT_A });

    await eventually('delivery to the open subscription', () => b.length === 1);
    expect(a).toEqual([]);
    await subB.close();
  });

  it('replays current state after the subscriber connection is cut and restored', async () => {
    const app = t.app();
    await t.store.requestDeploy({ app, userId: USER, deployId: newDeployId(), action: 'deploy', commit: COMMIT_A });
    const seen: string[] = [];
    const sub = await t.store.subscribe([app], (s) => seen.push(s.phase));
    await eventually('initial replay', () => seen.length === 1);

    // Kill only our subscriber connection (by its client name), as a Redis restart would.
    const clients = (await t.redis.client('LIST')) as string;
    const mine = clients.split('\n').filter((l) => / cmd=subscribe/.test(l) && l.includes(`sub=`) && !/ sub=0 /.test(l));
    const ids = mine.map((l) => /id=(\d+)/.exec(l)![1]!);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) await t.redis.client('KILL', 'ID', id);

    await eventually('replay after reconnect', () => seen.length >= 2, 15_000);
    expect(seen.every((p) => p === 'queued')).toBe(true);
    await sub.close();
  });
});
