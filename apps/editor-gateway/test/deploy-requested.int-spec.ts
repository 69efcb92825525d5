import { connect, type Channel, type ChannelModel } from 'amqplib';
import { DeployRequested, decodeEnvelope } from '@imad/contracts';
import { DEPLOY_QUEUE } from '@imad/messaging';
import { StatusStore } from '@imad/status';
import { eventually } from '@imad/testing';
import { gatewayEnv, type GatewayEnv } from './support/env';

describe('POST /api/deploys', () => {
  let env: GatewayEnv;
  let conn: ChannelModel;
  let ch: Channel;

  beforeAll(async () => {
    env = await gatewayEnv();
    conn = await connect(env.amqpUrl);
    ch = await conn.createChannel();
  });

  afterAll(async () => {
    await conn?.close();
    await env?.close();
  });

  /** The next deploy.requested on the real `deployer.requests` queue of this test's vhost. */
  async function nextRequest() {
    const msg = await eventually('a deploy.requested message', async () => (await ch.get(DEPLOY_QUEUE, { noAck: true })) || undefined, 10_000, 50);
    const decoded = decodeEnvelope(DeployRequested, msg.content);
    if (!decoded.ok) throw new Error(decoded.reason);
    return { envelope: decoded.envelope, properties: msg.properties };
  }

  it('answers 202 with a deploy id at once and queues deploy.requested for the HEAD commit', async () => {
    const alice = await env.student();
    const head = env.workspaces.head(alice.ws).id;

    const res = await env.api('/api/deploys', { method: 'POST', headers: alice.write, body: '{}' });

    expect(res.status).toBe(202);
    const body = await res.json();
    expect(body).toMatchObject({ deployId: expect.stringMatching(/^d_/), revision: expect.any(Number), status: { phase: 'queued', app: alice.appName, commit: head } });
    const { envelope, properties } = await nextRequest();
    expect(envelope.payload).toMatchObject({
      deployId: body.deployId,
      userId: alice.userId,
      app: alice.appName,
      action: 'deploy',
      revision: body.revision,
      commit: head,
      cloneUrl: `http://127.0.0.1:3002/git/${alice.appName}.git`,
    });
    expect(properties.messageId).toBe(body.deployId);
    expect(properties.deliveryMode).toBe(2);
  });

  it('records the request as desired and queued in Redis before answering', async () => {
    const bob = await env.student();
    const res = await env.api('/api/deploys', { method: 'POST', headers: bob.write });
    const body = await res.json();
    await nextRequest();

    const store = new StatusStore(env.redis);
    expect(await store.desired(bob.appName)).toMatchObject({ deployId: body.deployId, revision: body.revision, action: 'deploy' });
    expect(await store.current(bob.appName)).toMatchObject({ deployId: body.deployId, phase: 'queued', url: `http://${bob.appName}.apps.gateway.test/` });
  });

  it('deploys an earlier commit of the student history as a rollback, with a new revision', async () => {
    const carol = await env.student();
    const first = env.workspaces.head(carol.ws).id;
    const saved = await env.api('/api/workspace/commits', {
      method: 'POST',
      headers: carol.write,
      body: JSON.stringify({ baseCommit: first, message: 'edit', changes: [{ op: 'upsert', path: 'server.js', content: '// v2' }] }),
    });
    expect(saved.status).toBe(201);
    const second = (await saved.json()).commit;
    await env.api('/api/deploys', { method: 'POST', headers: carol.write });
    const latest = await nextRequest();
    expect(latest.envelope.payload.commit).toBe(second);

    const res = await env.api('/api/deploys', { method: 'POST', headers: carol.write, body: JSON.stringify({ commit: first }) });

    expect(res.status).toBe(202);
    const { envelope } = await nextRequest();
    expect(envelope.payload.commit).toBe(first);
    expect(envelope.payload.revision).toBe(latest.envelope.payload.revision + 1);
  });

  it('DELETE /api/app queues an undeploy of the student app', async () => {
    const dave = await env.student();
    const res = await env.api('/api/app', { method: 'DELETE', headers: dave.write });

    expect(res.status).toBe(202);
    const body = await res.json();
    const { envelope } = await nextRequest();
    expect(envelope.payload).toMatchObject({ deployId: body.deployId, app: dave.appName, userId: dave.userId, action: 'undeploy' });
    expect(envelope.payload.commit).toBeUndefined();
  });

  it('GET /api/deploys shows the current status and history of the student app', async () => {
    const erin = await env.student();
    const posted = await (await env.api('/api/deploys', { method: 'POST', headers: erin.write })).json();
    await nextRequest();

    const res = await env.api('/api/deploys', { headers: erin.read });

    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.current).toMatchObject({ deployId: posted.deployId, phase: 'queued' });
    expect(body.history.map((s: { deployId: string }) => s.deployId)).toContain(posted.deployId);
  });
});
