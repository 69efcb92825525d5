import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineMessage } from '@imad/contracts';
import { deleteQueues, eventually, inspector, startStack, uniqueName } from './support';

const Slow = defineMessage(`test.slow.${randomUUID().slice(0, 8)}`, 1, z.object({ n: z.number() }));

describe('graceful stop', () => {
  const queue = uniqueName('graceful');
  const stacks: Awaited<ReturnType<typeof startStack>>[] = [];

  afterAll(async () => {
    for (const s of stacks) await s.stop();
    const look = await inspector();
    await deleteQueues(look.ch, queue);
    await look.close();
  });

  it('stops taking messages, lets the running handler finish and ack, and leaves the rest queued', async () => {
    const stack = await startStack('graceful-test', { prefetch: 1 });
    stacks.push(stack);
    const events: string[] = [];
    await stack.consumers.consume({
      queue, contract: Slow,
      handler: async ({ n }) => {
        events.push(`start ${n}`);
        await new Promise((resolve) => setTimeout(resolve, 800));
        events.push(`end ${n}`);
      },
    });
    for (const n of [1, 2, 3]) await stack.publisher.publish('', queue, Slow, { n }, {}, true);
    await eventually('the first handler to start', () => events.includes('start 1'), 10_000);

    await stack.consumers.stop(10_000);
    expect(events).toEqual(['start 1', 'end 1']);

    await stack.connection.close();
    const look = await inspector();
    // Message 1 was acked before the channel closed; 2 and 3 wait for the next consumer.
    await eventually('2 messages ready', async () => (await look.ch.checkQueue(queue)).messageCount === 2, 10_000);
    await look.close();
  });
});
