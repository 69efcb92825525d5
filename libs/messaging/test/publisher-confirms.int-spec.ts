import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineMessage } from '@imad/contracts';
import { EVENTS_EXCHANGE } from '../src';
import { deleteQueues, getOne, inspector, startStack, uniqueName } from './support';

const Pinged = defineMessage(`test.pinged.${randomUUID().slice(0, 8)}`, 1, z.object({ n: z.number().int() }));

describe('publisher confirms', () => {
  const queue = uniqueName('confirms');
  let stack: Awaited<ReturnType<typeof startStack>>;
  let look: Awaited<ReturnType<typeof inspector>>;

  beforeAll(async () => {
    stack = await startStack('confirms-test');
    look = await inspector();
    await look.ch.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await look.ch.bindQueue(queue, EVENTS_EXCHANGE, Pinged.type);
  });

  afterAll(async () => {
    await deleteQueues(look.ch, queue);
    await look.close();
    await stack.stop();
  });

  it('resolves only once the broker has stored the message, persistent and in its envelope', async () => {
    const { id } = await stack.publisher.publishEvent(Pinged, { n: 1 });
    const { messageCount } = await look.ch.checkQueue(queue);
    expect(messageCount).toBe(1);
    const msg = await getOne(look.ch, queue);
    expect(msg.properties.deliveryMode).toBe(2);
    expect(msg.properties.messageId).toBe(id);
    expect(JSON.parse(msg.content.toString())).toMatchObject({ type: Pinged.type, v: 1, id, payload: { n: 1 } });
  });

  it('refuses a payload that breaks the contract before sending anything', async () => {
    await expect(stack.publisher.publishEvent(Pinged, { n: 'one' } as never)).rejects.toMatchObject({ code: 'MESSAGING.INVALID_PAYLOAD' });
    expect((await look.ch.checkQueue(queue)).messageCount).toBe(0);
  });

  it('rejects a publish the broker refuses, and the next publish still succeeds', async () => {
    await expect(stack.publisher.publish(uniqueName('no-such-exchange'), 'x', Pinged, { n: 2 })).rejects.toMatchObject({ code: 'MESSAGING.NOT_CONFIRMED' });
    await stack.publisher.publishEvent(Pinged, { n: 3 });
    const msg = await getOne(look.ch, queue);
    expect(JSON.parse(msg.content.toString()).payload).toEqual({ n: 3 });
  });

  it('rejects a command no queue would store (mandatory) instead of reporting success', async () => {
    await expect(stack.publisher.publish(EVENTS_EXCHANGE, uniqueName('unbound'), Pinged, { n: 4 }, {}, true)).rejects.toMatchObject({ code: 'MESSAGING.UNROUTABLE' });
  });
});
