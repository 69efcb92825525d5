import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { DEAD_LETTER_EXCHANGE, deadLetterQueueName, MessagingHeaders } from '@imad/messaging';

// The operator's command, run as they run it (npm run dlq -- …), against the real broker.
const root = path.resolve(import.meta.dirname, '../..');
const amqpUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, ['tools/build/run-ts.js', 'tools/dlq/dlq.ts', ...args], { cwd: root, env: { ...process.env, AMQP_URL: amqpUrl } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

let conn: ChannelModel;
let ch: ConfirmChannel;
const queue = `dlq-cli-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  conn = await connect(amqpUrl);
  ch = await conn.createConfirmChannel();
  await ch.assertExchange(DEAD_LETTER_EXCHANGE, 'direct', { durable: true });
  await ch.assertQueue(queue, { durable: true });
  await ch.assertQueue(deadLetterQueueName(queue), { durable: true });
  await ch.bindQueue(deadLetterQueueName(queue), DEAD_LETTER_EXCHANGE, queue);
});

afterAll(async () => {
  for (const q of [queue, deadLetterQueueName(queue)]) await ch.deleteQueue(q);
  await conn.close();
});

describe('npm run dlq', () => {
  it('answers a bad command with its usage (exit 2), and an unknown queue by naming it (exit 1)', async () => {
    const usage = await run('show', queue);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run dlq -- list <queue>');
    expect((await run('list', queue, '--limit=0')).code).toBe(2);
    const unknown = await run('list', `${queue}-nope`);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(`there is no queue ${queue}-nope.dlq`);
  });

  it('lists a dead letter with its reason and leaves it, then replays it to its queue', async () => {
    const headers = { [MessagingHeaders.reason]: 'body is not valid JSON', [MessagingHeaders.reasonCode]: 'invalid', [MessagingHeaders.queue]: queue };
    ch.publish(DEAD_LETTER_EXCHANGE, queue, Buffer.from('{oops'), { persistent: true, messageId: 'cli-1', headers });
    await ch.waitForConfirms();

    const listed = await run('list', queue);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout.trim())).toMatchObject({ messageId: 'cli-1', code: 'invalid', reason: 'body is not valid JSON', queue, body: '{oops' });
    expect((await ch.checkQueue(deadLetterQueueName(queue))).messageCount).toBe(1);

    const replayed = await run('replay', queue);
    expect(replayed.stderr).toContain('1 dead letter(s) sent back');
    expect((await ch.checkQueue(deadLetterQueueName(queue))).messageCount).toBe(0);
    const back = await ch.get(queue, { noAck: true });
    expect(back && back.content.toString()).toBe('{oops');
    expect(back && back.properties.headers?.[MessagingHeaders.reason]).toBeUndefined();
  });
});
