import { z } from 'zod';
import { defineRpc } from '@imad/contracts';
import { rpcQueueName } from '../src';
import { inspector, startStack, uniqueName } from './support';

describe('RPC timeout', () => {
  const method = uniqueName('test.slow');
  const Slow = defineRpc(method, 1, z.object({ ms: z.number() }), z.object({ done: z.boolean() }));
  let stack: Awaited<ReturnType<typeof startStack>>;

  beforeAll(async () => {
    stack = await startStack('rpc-timeout-test');
    await stack.rpcServer.serve(Slow, async ({ ms }) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return { done: true };
    });
  });

  afterAll(async () => {
    await stack.stop();
    const look = await inspector();
    await look.ch.deleteQueue(rpcQueueName(method));
    await look.close();
  });

  it('gives RPC.TIMEOUT naming the method and the limit when the server is too slow', async () => {
    const started = Date.now();
    const error = await stack.rpcClient.call(Slow, { ms: 2_000 }, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RPC.TIMEOUT', details: { method, timeoutMs: 300 } });
    expect((error as Error).message).toContain(`${method} did not answer within 300 ms`);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('still answers a call that fits in its time', async () => {
    await expect(stack.rpcClient.call(Slow, { ms: 10 }, { timeoutMs: 3_000 })).resolves.toEqual({ done: true });
  });

  it('gives RPC.UNAVAILABLE at once when nothing serves the method', async () => {
    const Nobody = defineRpc(uniqueName('test.nobody'), 1, z.object({}), z.object({}));
    const started = Date.now();
    await expect(stack.rpcClient.call(Nobody, {}, { timeoutMs: 5_000 })).rejects.toMatchObject({ code: 'RPC.UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
