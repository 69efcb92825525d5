import { connect, type Channel, type ChannelModel } from 'amqplib';
import { DeployRequested, decodeEnvelope } from '@imad/contracts';
import { DEPLOY_QUEUE } from '@imad/messaging';
import { newDeployId, StatusStore } from '@imad/status';
import { eventually } from '@imad/testing';
import { gatewayEnv, type GatewayEnv } from './support/env';

type Student = Awaited<ReturnType<GatewayEnv['student']>>;

describe("a student reaches only their own workspace and app, on every route", () => {
  let env: GatewayEnv;
  let alice: Student;
  let bob: Student;
  let bobHead: string;
  let conn: ChannelModel;
  let ch: Channel;

  beforeAll(async () => {
    env = await gatewayEnv();
    conn = await connect(env.amqpUrl);
    ch = await conn.createChannel();
    alice = await env.student({ 'server.js': '// alice' });
    bob = await env.student({ 'server.js': '// bob', 'bob-secret.js': 'secret' });
    bobHead = env.workspaces.head(bob.ws).id;
    // Bob has a deploy and app output; Alice must never see them.
    const store = new StatusStore(env.redis);
    await store.requestDeploy({ app: bob.appName, userId: bob.userId, deployId: newDeployId(), action: 'deploy', commit: bobHead });
    await store.appendLog(bob.appName, { at: new Date().toISOString(), stream: 'stdout', line: 'bob listening' });
  });

  afterAll(async () => {
    await conn?.close();
    await env?.close();
  });

  const asAlice = (path: string, init: RequestInit = {}) =>
    env.api(path, { ...init, headers: init.method && init.method !== 'GET' ? alice.write : alice.read });

  it('GET /api/me is always the caller', async () => {
    expect(await (await asAlice('/api/me')).json()).toMatchObject({ userId: alice.userId, appName: alice.appName });
  });

  it('GET /api/workspace/tree lists only her files', async () => {
    const body = await (await asAlice('/api/workspace/tree')).json();
    expect(body.head).toBe(env.workspaces.head(alice.ws).id);
    expect(body.entries.map((e: { path: string }) => e.path)).toEqual(['server.js']);
  });

  it("GET /api/workspace/file cannot read a file that only exists in Bob's workspace", async () => {
    const res = await asAlice('/api/workspace/file?path=bob-secret.js');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('REPO.NOT_FOUND');
  });

  it("GET /api/workspace/file cannot read at Bob's commit", async () => {
    expect((await asAlice(`/api/workspace/file?path=server.js&commit=${bobHead}`)).status).toBe(404);
  });

  it("GET /api/workspace/history shows none of Bob's commits", async () => {
    const body = await (await asAlice('/api/workspace/history')).json();
    expect(body.commits.map((c: { id: string }) => c.id)).not.toContain(bobHead);
    expect(body.commits).toHaveLength(1);
  });

  it("GET /api/workspace/diff refuses Bob's commits", async () => {
    const mine = env.workspaces.head(alice.ws).id;
    expect((await asAlice(`/api/workspace/diff?from=${bobHead}&to=${mine}`)).status).toBe(404);
  });

  it("POST /api/workspace/commits cannot build on Bob's head", async () => {
    const res = await asAlice('/api/workspace/commits', { method: 'POST', body: JSON.stringify({ baseCommit: bobHead, message: 'x', changes: [{ op: 'delete', path: 'server.js' }] }) });
    expect(res.status).toBe(404);
    expect(env.workspaces.head(bob.ws).id).toBe(bobHead);
  });

  it("POST /api/workspace/revert cannot restore Bob's commit", async () => {
    const mine = env.workspaces.head(alice.ws).id;
    expect((await asAlice('/api/workspace/revert', { method: 'POST', body: JSON.stringify({ commit: bobHead, baseCommit: mine }) })).status).toBe(404);
  });

  it("POST /api/deploys cannot deploy Bob's commit", async () => {
    const res = await asAlice('/api/deploys', { method: 'POST', body: JSON.stringify({ commit: bobHead }) });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: 'DEPLOY.COMMIT_NOT_FOUND', field: 'commit' });
    expect(await ch.get(DEPLOY_QUEUE)).toBe(false);
  });

  it('no route takes a user or an app from the client: such fields are refused, naming them', async () => {
    const cases: [string, RequestInit, string][] = [
      ['/api/deploys', { method: 'POST', body: JSON.stringify({ app: bob.appName }) }, 'app'],
      ['/api/deploys', { method: 'POST', body: JSON.stringify({ userId: bob.userId }) }, 'userId'],
      ['/api/app?app=' + bob.appName, { method: 'DELETE' }, 'app'],
      ['/api/me?userId=' + bob.userId, {}, 'userId'],
      [`/api/workspace/tree?userId=${bob.userId}`, {}, 'userId'],
      [`/api/workspace/file?path=server.js&userId=${bob.userId}`, {}, 'userId'],
      [`/api/deploys?app=${bob.appName}`, {}, 'app'],
      [`/api/app/logs?app=${bob.appName}`, {}, 'app'],
    ];
    for (const [path, init, field] of cases) {
      const res = await asAlice(path, init);
      expect([path, res.status]).toEqual([path, 400]);
      expect((await res.json()).error.field).toBe(field);
    }
  });

  it("GET /api/deploys and GET /api/app/logs show nothing of Bob's app", async () => {
    expect(await (await asAlice('/api/deploys')).json()).toEqual({ current: null, history: [] });
    expect(await (await asAlice('/api/app/logs')).json()).toEqual({ lines: [] });
  });

  it('DELETE /api/app takes down only her own app', async () => {
    expect((await asAlice('/api/app', { method: 'DELETE' })).status).toBe(202);
    const msg = await eventually('the undeploy request', async () => (await ch.get(DEPLOY_QUEUE, { noAck: true })) || undefined, 10_000, 50);
    const decoded = decodeEnvelope(DeployRequested, msg.content);
    expect(decoded.ok && decoded.envelope.payload).toMatchObject({ app: alice.appName, userId: alice.userId, action: 'undeploy' });
    expect(await new StatusStore(env.redis).current(bob.appName)).toMatchObject({ phase: 'queued', action: 'deploy' });
  });
});
