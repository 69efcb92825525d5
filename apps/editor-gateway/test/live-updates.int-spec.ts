import { newDeployId, StatusStore } from '@imad/status';
import { eventually } from '@imad/testing';
import { gatewayEnv, type GatewayEnv } from './support/env';
import { LiveClient } from './support/live-client';

describe('/api/live sends the current state first, then live status and logs of the own app only', () => {
  let env: GatewayEnv;
  let store: StatusStore;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    env = await gatewayEnv();
    store = new StatusStore(env.redis);
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await store.close();
    await env?.close();
  });

  const open = async (cookie: string) => {
    const client = await LiveClient.open(env.gateway.wsUrl, cookie);
    clients.push(client);
    return client;
  };

  it('says "nothing deployed yet" first when the app has no status', async () => {
    const alice = await env.student();
    const live = await open(alice.cookie);
    await live.waitFor('the first frame', () => true);
    expect(live.frames[0]).toEqual({ type: 'status', status: null });
  });

  it('then follows a deploy from queued to ready, in order, and its log lines', async () => {
    const alice = await env.student();
    const live = await open(alice.cookie);
    await live.waitFor('the initial status', (f) => f.type === 'status');

    const accepted = await (await env.api('/api/deploys', { method: 'POST', headers: alice.write })).json();
    const base = { deployId: accepted.deployId, app: alice.appName, revision: accepted.revision, commit: accepted.status.commit, action: 'deploy' as const };
    await live.waitFor('queued', (f) => f.status?.phase === 'queued');
    for (const phase of ['applying', 'rolling-out', 'ready'] as const) await store.transition({ ...base, phase });
    await store.appendLog(alice.appName, { at: new Date().toISOString(), stream: 'stdout', line: 'listening on 3000' });

    await live.waitFor('the log line', (f) => f.type === 'log');
    await live.waitFor('ready', (f) => f.status?.phase === 'ready');
    expect(live.statuses().map((s) => s.phase)).toEqual(['queued', 'applying', 'rolling-out', 'ready']);
    expect(live.frames.find((f) => f.type === 'log')?.line).toMatchObject({ stream: 'stdout', line: 'listening on 3000' });
  });

  it('a reconnecting browser gets the current state at once, not silence', async () => {
    const bob = await env.student();
    const deployId = newDeployId();
    const { revision } = await store.requestDeploy({ app: bob.appName, userId: bob.userId, deployId, action: 'deploy', commit: 'c'.repeat(40) });
    await store.transition({ deployId, app: bob.appName, revision, phase: 'failed', reason: 'crash-loop', message: 'Your app exited with code 1', commit: 'c'.repeat(40) });

    const live = await open(bob.cookie);
    const first = await live.waitFor('the first frame', () => true);
    expect(first).toMatchObject({ type: 'status', status: { deployId, phase: 'failed', reason: 'crash-loop' } });
  });

  it("never carries another student's status or log lines", async () => {
    const carol = await env.student();
    const dave = await env.student();
    const live = await open(carol.cookie);
    await live.waitFor('the initial status', (f) => f.type === 'status');

    const deployId = newDeployId();
    const { revision } = await store.requestDeploy({ app: dave.appName, userId: dave.userId, deployId, action: 'deploy', commit: 'd'.repeat(40) });
    await store.transition({ deployId, app: dave.appName, revision, phase: 'applying', commit: 'd'.repeat(40) });
    await store.appendLog(dave.appName, { at: new Date().toISOString(), stream: 'stderr', line: 'dave secret' });
    // A marker on Carol's own channel, sent after Dave's: once it arrives, Dave's would have too.
    await store.appendLog(carol.appName, { at: new Date().toISOString(), stream: 'stdout', line: 'marker' });

    await live.waitFor('the marker', (f) => f.line?.line === 'marker');
    expect(live.frames.filter((f) => f.type === 'log').map((f) => f.line?.line)).toEqual(['marker']);
    expect(live.statuses()).toEqual([]);
  });

  it('fans out from one Redis subscriber connection, however many sockets are open', async () => {
    const subscribers = async () =>
      String(await env.redis.call('CLIENT', 'LIST', 'TYPE', 'pubsub'))
        .split('\n')
        .filter((l) => / name=editor-gateway /.test(l)).length;
    // The first socket makes the subscriber connection, if there is none yet; its first frame comes after subscribing.
    await (await open((await env.student()).cookie)).waitFor('the initial status', (f) => f.type === 'status');
    const before = await subscribers();
    expect(before).toBeGreaterThanOrEqual(1);
    const students = await Promise.all(Array.from({ length: 10 }, () => env.student()));
    const sockets = await Promise.all(students.map((s) => open(s.cookie)));
    await Promise.all(sockets.map((c) => c.waitFor('the initial status', (f) => f.type === 'status')));
    expect(await subscribers()).toBe(before);
  });

  it('several tabs of one student all follow the app, sharing one subscription', async () => {
    const erin = await env.student();
    const [tab1, tab2] = [await open(erin.cookie), await open(erin.cookie)];
    await store.appendLog(erin.appName, { at: new Date().toISOString(), stream: 'stdout', line: 'both tabs' });
    await tab1.waitFor('the line in tab 1', (f) => f.line?.line === 'both tabs');
    await tab2.waitFor('the line in tab 2', (f) => f.line?.line === 'both tabs');
    tab1.close();
    await eventually('tab 1 closed', () => tab1.closed);
    await store.appendLog(erin.appName, { at: new Date().toISOString(), stream: 'stdout', line: 'after tab 1 left' });
    await tab2.waitFor('the line in tab 2 after tab 1 closed', (f) => f.line?.line === 'after tab 1 left');
  });
});
