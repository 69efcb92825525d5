import { connect, type ChannelModel } from 'amqplib';
import { DEPLOY_QUEUE } from '@imad/messaging';
import { gatewayEnv, type GatewayEnv } from './support/env';

describe('per-student rate limits: a hammered Deploy is coalesced or told to wait, never a 500', () => {
  let env: GatewayEnv;
  let conn: ChannelModel;

  beforeAll(async () => {
    env = await gatewayEnv({ env: { DEPLOY_RATE_PER_MINUTE: '2', SAVE_RATE_PER_MINUTE: '3' } });
    conn = await connect(env.amqpUrl);
  });

  afterAll(async () => {
    await conn?.close();
    await env?.close();
  });

  async function queued(): Promise<number> {
    const ch = await conn.createChannel();
    const { messageCount } = await ch.checkQueue(DEPLOY_QUEUE);
    await ch.close();
    return messageCount;
  }

  async function save(student: Awaited<ReturnType<GatewayEnv['student']>>, content: string) {
    const baseCommit = env.workspaces.head(student.ws).id;
    return env.api('/api/workspace/commits', {
      method: 'POST',
      headers: student.write,
      body: JSON.stringify({ baseCommit, message: content, changes: [{ op: 'upsert', path: 'server.js', content }] }),
    });
  }

  it('twenty presses of Deploy on the same commit queue one deploy and answer it twenty times', async () => {
    const alice = await env.student();
    const before = await queued();
    const first = await env.api('/api/deploys', { method: 'POST', headers: alice.write });
    expect(first.status).toBe(202);
    const { deployId } = await first.json();

    const answers = await Promise.all(Array.from({ length: 20 }, () => env.api('/api/deploys', { method: 'POST', headers: alice.write })));

    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(202));
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(new Set(bodies.map((b) => b.deployId))).toEqual(new Set([deployId]));
    expect(bodies.every((b) => b.coalesced === true)).toBe(true);
    expect(await queued()).toBe(before + 1);
  });

  it('a double-click (presses at the same moment, nothing in flight yet) queues one deploy', async () => {
    const fay = await env.student();
    const before = await queued();

    const answers = await Promise.all(Array.from({ length: 5 }, () => env.api('/api/deploys', { method: 'POST', headers: fay.write })));

    expect(answers.map((r) => r.status)).toEqual(Array(5).fill(202));
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(new Set(bodies.map((b) => b.deployId)).size).toBe(1);
    expect(bodies.filter((b) => !b.coalesced)).toHaveLength(1);
    expect(await queued()).toBe(before + 1);
  });

  it('new deploys beyond the per-minute budget get 429 with Retry-After', async () => {
    const bob = await env.student();
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 3; i++) {
      expect((await save(bob, `// v${i}`)).status).toBe(201);
      last = await env.api('/api/deploys', { method: 'POST', headers: bob.write });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([202, 202, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = await last!.json();
    expect(body.error).toMatchObject({ code: 'DEPLOY.RATE_LIMITED', details: { retryAfterSeconds: Number(last!.headers.get('retry-after')) } });
  });

  it("one student's budget does not spend another's", async () => {
    const carol = await env.student();
    const dave = await env.student();
    for (let i = 0; i < 2; i++) {
      await save(carol, `// c${i}`);
      await env.api('/api/deploys', { method: 'POST', headers: carol.write });
    }
    expect((await env.api('/api/deploys', { method: 'POST', headers: dave.write })).status).toBe(202);
  });

  it('saves beyond their budget get 429 SAVE.RATE_LIMITED with Retry-After, and nothing is committed', async () => {
    const erin = await env.student();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await save(erin, `// e${i}`)).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(erin.ws.commits).toHaveLength(4); // the template commit + three saves
    const refused = await save(erin, '// again');
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await refused.json()).error.code).toBe('SAVE.RATE_LIMITED');
  });
});
