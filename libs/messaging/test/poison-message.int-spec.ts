import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineMessage, encodeEnvelope } from '@imad/contracts';
import { deadLetterQueueName, MessagingHeaders } from '../src';
import { deleteQueues, eventually, getOne, inspector, startStack, uniqueName } from './support';

const Job = defineMessage('test.job', 2, z.object({ n: z.number().int() }));

describe('poison messages', () => {
  const queue = uniqueName('poison');
  let stack: Awaited<ReturnType<typeof startStack>>;
  let look: Awaited<ReturnType<typeof inspector>>;
  const handled: number[] = [];

  beforeAll(async () => {
    stack = await startStack('poison-test', { prefetch: 1 });
    look = await inspector();
    await stack.consumers.consume({ queue, contract: Job, handler: async ({ n }) => void handled.push(n) });
  });

  afterAll(async () => {
    await stack.stop();
    await deleteQueues(look.ch, queue);
    await look.close();
  });

  const send = (body: string | Buffer) => look.ch.sendToQueue(queue, Buffer.from(body), { persistent: true, messageId: randomUUID() });
  const oldVersion = { ...Job, version: 1 };

  it.each([
    ['body that is not JSON', '{"type": "test.job", oops', 'body is not valid JSON'],
    ['envelope without its fields', JSON.stringify({ hello: 'world' }), 'bad envelope'],
    ['version the consumer does not know', encodeEnvelope(oldVersion, { n: 1 }, { id: 'm-1' }).toString(), 'unsupported version 1 of test.job'],
    ['payload that breaks the contract', JSON.stringify({ type: 'test.job', v: 2, id: 'm-2', occurredAt: new Date().toISOString(), payload: { n: 'x' } }), 'invalid test.job payload: n:'],
  ])('moves a %s to the DLQ with the reason and the original body, and keeps consuming', async (_what, body, reason) => {
    send(body);
    const good = Math.floor(Math.random() * 1e6);
    send(encodeEnvelope(Job, { n: good }, { id: randomUUID() }));

    const dead = await getOne(look.ch, deadLetterQueueName(queue));
    expect(dead.content.toString()).toBe(body);
    expect(String(dead.properties.headers?.[MessagingHeaders.reason])).toContain(reason);
    expect(dead.properties.headers?.[MessagingHeaders.reasonCode]).toBe('invalid');
    expect(dead.properties.headers?.[MessagingHeaders.queue]).toBe(queue);
    await eventually('the good message after the poison one', () => handled.includes(good), 10_000);
    expect((await look.ch.checkQueue(queue)).messageCount).toBe(0);
  });
});
