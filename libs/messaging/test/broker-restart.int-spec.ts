import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineMessage, defineRpc } from '@imad/contracts';
import { Readiness } from '@imad/observability';
import { rpcQueueName } from '../src';
import { deleteQueues, eventually, infra, inspector, startStack, uniqueName } from './support';

const Beat = defineMessage(`test.beat.${randomUUID().slice(0, 8)}`, 1, z.object({ n: z.number() }));
const Echo = defineRpc(uniqueName('test.echo'), 1, z.object({ s: z.string() }), z.object({ s: z.string() }));

// Restarts the shared broker: run sparingly.
describe('recovery after a broker restart', () => {
  const live = uniqueName('restart-live');
  const parked = uniqueName('restart-parked');
  let stack: Awaited<ReturnType<typeof startStack>>;
  const seen: number[] = [];

  beforeAll(async () => {
    stack = await startStack('restart-test');
    await stack.consumers.consume({ queue: live, contract: Beat, handler: async ({ n }) => void seen.push(n) });
    await stack.rpcServer.serve(Echo, async ({ s }) => ({ s }));
  });

  afterAll(async () => {
    await stack?.stop();
    const look = await inspector();
    await deleteQueues(look.ch, live);
    await deleteQueues(look.ch, parked);
    await look.ch.deleteQueue(rpcQueueName(Echo.method));
    await look.close();
  });

  it('reconnects without a process restart: readiness goes false then true, consumers, publishers and RPC work again, stored messages survive', async () => {
    const readiness = new Readiness();
    readiness.register('rabbitmq', () => stack.connection.isConnected);
    const states: boolean[] = [];
    const watch = setInterval(() => void readiness.evaluate().then((r) => states.push(r.ready)), 50);

    await stack.publisher.publish('', live, Beat, { n: 1 }, {}, true);
    await eventually('the first message', () => seen.includes(1), 10_000);
    // A confirmed message nobody consumes yet: the quorum queue must keep it through the restart.
    const look = await inspector();
    await look.ch.assertQueue(parked, { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': 10, 'x-dead-letter-exchange': 'imad.dlx', 'x-dead-letter-routing-key': parked } });
    await look.close();
    await stack.publisher.publish('', parked, Beat, { n: 99 }, {}, true);

    try {
      await infra('restart', 'rabbitmq');
      await eventually('readiness back to true', async () => (await readiness.evaluate()).ready, 60_000);
    } finally {
      clearInterval(watch);
    }
    // The 50 ms sampler can stop between the recovery and its next tick: record the state now too.
    states.push((await readiness.evaluate()).ready);
    expect(states[0]).toBe(true);
    expect(states).toContain(false);
    expect(states.lastIndexOf(true)).toBeGreaterThan(states.indexOf(false));

    await stack.publisher.publish('', live, Beat, { n: 2 }, {}, true);
    await eventually('a message after the restart', () => seen.includes(2), 15_000);
    await expect(stack.rpcClient.call(Echo, { s: 'again' }, { timeoutMs: 5_000 })).resolves.toEqual({ s: 'again' });

    const kept: number[] = [];
    await stack.consumers.consume({ queue: parked, contract: Beat, handler: async ({ n }) => void kept.push(n) });
    await eventually('the message stored before the restart', () => kept.includes(99), 15_000);
  });
});
