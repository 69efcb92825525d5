import { randomUUID } from 'node:crypto';
import type { ConfirmChannel } from 'amqplib';
import { z } from 'zod';
import { defineMessage, encodeEnvelope } from '@imad/contracts';
import { DeadLetterError, deadLetterQueueName, peekDeadLetters, replayDeadLetters } from '../src';
import { declareWorkQueue } from '../src/topology';
import { deleteQueues, eventually, inspector, startStack, uniqueName } from './support';

const Job = defineMessage('test.job', 1, z.object({ n: z.number().int() }));

describe('dead letters: described alike whoever set them aside, and replayed', () => {
  let look: Awaited<ReturnType<typeof inspector>>;
  let confirm: ConfirmChannel;
  beforeAll(async () => {
    look = await inspector();
    confirm = await look.conn.createConfirmChannel();
  });
  afterAll(() => look.close());

  const job = (n: number) => encodeEnvelope(Job, { n }, { id: randomUUID() });
  const dlqCount = async (queue: string) => (await look.ch.checkQueue(deadLetterQueueName(queue))).messageCount;

  it('tells the reason the consumer gave, leaves the messages in place, and replays them once the handler is fixed', async () => {
    const queue = uniqueName('dl-replay');
    const stack = await startStack('dl-replay');
    let fixed = false;
    const handled: number[] = [];
    try {
      await stack.consumers.consume({
        queue,
        contract: Job,
        handler: async ({ n }) => {
          if (!fixed) throw new DeadLetterError(`job ${n} needs a fix first`);
          handled.push(n);
        },
      });
      look.ch.sendToQueue(queue, job(7), { persistent: true, messageId: 'm-7', type: 'test.job' });
      look.ch.sendToQueue(queue, Buffer.from('{not json'), { persistent: true, messageId: 'm-bad' });
      await eventually('both in the DLQ', async () => (await dlqCount(queue)) === 2, 10_000);

      const seen = await peekDeadLetters(look.ch, queue);
      expect(seen.map((d) => [d.messageId, d.code, d.queue]).sort()).toEqual([['m-7', 'rejected', queue], ['m-bad', 'invalid', queue]]);
      expect(seen.find((d) => d.messageId === 'm-7')!.reason).toContain('job 7 needs a fix first');
      expect(seen.find((d) => d.messageId === 'm-bad')!.body).toBe('{not json');
      await eventually('peeking left both in place', async () => (await dlqCount(queue)) === 2, 5_000);

      fixed = true;
      const replayed = await replayDeadLetters(confirm, queue, 1);
      expect(replayed.map((d) => d.messageId)).toEqual(['m-7']);
      await eventually('the replayed job handled', () => handled.includes(7), 10_000);
      expect(await dlqCount(queue)).toBe(1);
    } finally {
      await stack.stop();
      await deleteQueues(look.ch, queue);
    }
  });

  it("describes a message the broker set aside past the queue's delivery limit, with the queue it came from", async () => {
    const queue = uniqueName('dl-limit');
    await declareWorkQueue(look.ch, queue, 1);
    try {
      look.ch.sendToQueue(queue, job(3), { persistent: true, messageId: 'm-3' });
      // A consumer that never acks: each delivery is given back, as when a worker dies mid-message.
      await eventually('the broker dead-letters it', async () => {
        const msg = await look.ch.get(queue, { noAck: false });
        if (msg) look.ch.nack(msg, false, true);
        return (await dlqCount(queue)) === 1;
      }, 10_000, 50);

      const [dead] = await peekDeadLetters(look.ch, queue);
      expect(dead).toMatchObject({ messageId: 'm-3', code: 'delivery-limit', queue });
      expect(dead!.reason).toMatch(/delivery limit/);

      const [replayed] = await replayDeadLetters(confirm, queue);
      expect(replayed!.messageId).toBe('m-3');
      const back = await eventually('the message back in its queue', async () => (await look.ch.get(queue, { noAck: true })) || undefined, 5_000);
      expect(JSON.parse(back.content.toString()).payload).toEqual({ n: 3 });
    } finally {
      await deleteQueues(look.ch, queue);
    }
  });
});
