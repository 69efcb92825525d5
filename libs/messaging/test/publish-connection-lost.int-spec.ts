import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, defineMessage } from '@imad/contracts';
import { deleteQueues, eventually, inspector, startStack, uniqueName } from './support';
import { startProxy } from './tcp-proxy';

const Item = defineMessage(`test.item.${randomUUID().slice(0, 8)}`, 1, z.object({ i: z.number() }));

describe('a connection lost before the broker confirms', () => {
  const queue = uniqueName('lost');
  let look: Awaited<ReturnType<typeof inspector>>;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let stack: Awaited<ReturnType<typeof startStack>>;

  beforeAll(async () => {
    look = await inspector();
    await look.ch.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    proxy = await startProxy();
    stack = await startStack('lost-test', { url: `amqp://guest:guest@127.0.0.1:${proxy.port}` });
  });

  afterAll(async () => {
    await stack?.stop();
    await proxy?.close();
    await deleteQueues(look.ch, queue);
    await look.close();
  });

  /** Every message id in the queue (a consumer, not basic.get: much quicker on a quorum queue). */
  async function readAll(name: string): Promise<Set<string>> {
    const { messageCount } = await look.ch.checkQueue(name);
    const ids = new Set<string>();
    const { consumerTag } = await look.ch.consume(name, (msg) => msg && ids.add(String(msg.properties.messageId)), { noAck: true });
    await eventually(`${messageCount} messages`, () => ids.size >= messageCount, 15_000, 20);
    await look.ch.cancel(consumerTag);
    return ids;
  }

  it('rejects every unconfirmed publish, never reports success for a message the broker lacks, and recovers', async () => {
    const resolved: string[] = [];
    const rejected: AppError[] = [];
    await Promise.all(Array.from({ length: 3_000 }, (_, i) =>
      stack.publisher.publish('', queue, Item, { i }, { id: `m-${i}` }).then(({ id }) => {
        // Cut the TCP connection under the client once some confirms are in and many are not.
        if (resolved.push(id) === 50) proxy.cut();
      }, (error: AppError) => void rejected.push(error)),
    ));

    expect(resolved.length).toBeGreaterThanOrEqual(50);
    expect(rejected.length).toBeGreaterThan(0);
    expect(new Set(rejected.map((e) => e.code))).toEqual(new Set(['MESSAGING.NOT_CONFIRMED']));
    expect(resolved.length + rejected.length).toBe(3_000);

    const stored = await readAll(queue);
    expect(resolved.filter((id) => !stored.has(id))).toEqual([]);

    await eventually('the reconnect', () => stack.connection.isConnected, 15_000);
    await expect(stack.publisher.publish('', queue, Item, { i: -1 })).resolves.toMatchObject({ id: expect.any(String) });
  });
});
