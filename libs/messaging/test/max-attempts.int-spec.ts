import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineMessage, encodeEnvelope } from '@imad/contracts';
import { DeadLetterError, deadLetterQueueName, MessagingHeaders } from '../src';
import { deleteQueues, eventually, getOne, inspector, startStack, uniqueName } from './support';

const Task = defineMessage('test.task', 1, z.object({ mode: z.enum(['fail', 'flaky', 'reject']), key: z.string() }));

describe('handler failures', () => {
  const queue = uniqueName('attempts');
  const retry = { maxAttempts: 3, backoffMs: 100 };
  let stack: Awaited<ReturnType<typeof startStack>>;
  let look: Awaited<ReturnType<typeof inspector>>;
  const runs = new Map<string, number[]>();

  beforeAll(async () => {
    stack = await startStack('attempts-test');
    look = await inspector();
    await stack.consumers.consume({
      queue, contract: Task, ...retry,
      handler: async ({ mode, key }) => {
        const times = [...(runs.get(key) ?? []), Date.now()];
        runs.set(key, times);
        if (mode === 'reject') throw new DeadLetterError(`app ${key} does not exist`);
        if (mode === 'fail' || times.length < 2) throw new Error(`boom #${times.length}`);
      },
    });
  });

  afterAll(async () => {
    await stack.stop();
    await deleteQueues(look.ch, queue, retry);
    await look.close();
  });

  const send = (mode: 'fail' | 'flaky' | 'reject', key: string) => look.ch.sendToQueue(queue, encodeEnvelope(Task, { mode, key }, { id: randomUUID() }), { persistent: true });

  it('retries with growing back-off, then dead-letters with the last error after maxAttempts', async () => {
    send('fail', 'a');
    const dead = await getOne(look.ch, deadLetterQueueName(queue));
    const times = runs.get('a')!;
    expect(times).toHaveLength(3);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(90);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(190);
    expect(dead.properties.headers?.[MessagingHeaders.reasonCode]).toBe('max-attempts');
    expect(String(dead.properties.headers?.[MessagingHeaders.reason])).toContain('last error: Error: boom #3');
    expect(JSON.parse(dead.content.toString()).payload).toEqual({ mode: 'fail', key: 'a' });
  });

  it('acks a message that succeeds on retry, and nothing reaches the DLQ', async () => {
    send('flaky', 'b');
    await eventually('the second run', () => runs.get('b')?.length === 2, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(runs.get('b')).toHaveLength(2);
    expect((await look.ch.checkQueue(deadLetterQueueName(queue))).messageCount).toBe(0);
  });

  it('dead-letters at once, with the reason, when the handler throws DeadLetterError', async () => {
    send('reject', 'c');
    const dead = await getOne(look.ch, deadLetterQueueName(queue));
    expect(runs.get('c')).toHaveLength(1);
    expect(dead.properties.headers?.[MessagingHeaders.reasonCode]).toBe('rejected');
    expect(dead.properties.headers?.[MessagingHeaders.reason]).toBe('app c does not exist');
  });
});
