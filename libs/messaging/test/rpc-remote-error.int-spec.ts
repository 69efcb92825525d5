import { z } from 'zod';
import { AppError, defineRpc } from '@imad/contracts';
import { rpcQueueName } from '../src';
import { inspector, startStack, uniqueName } from './support';

describe('RPC errors crossing the queue', () => {
  const method = uniqueName('test.commit');
  const Commit = defineRpc(method, 1, z.object({ base: z.string().min(1) }), z.object({ commit: z.string() }));
  let server: Awaited<ReturnType<typeof startStack>>;
  let client: Awaited<ReturnType<typeof startStack>>;

  beforeAll(async () => {
    server = await startStack('rpc-server-test');
    client = await startStack('rpc-client-test');
    await server.rpcServer.serve(Commit, async ({ base }) => {
      if (base === 'conflict') throw new AppError('REPO.CONFLICT', 'the branch moved', { head: 'abc', files: [{ path: 'a.js' }] });
      if (base === 'bug') throw new TypeError('cannot read properties of undefined');
      if (base === 'bad-response') return { commit: 42 } as never;
      return { commit: `after-${base}` };
    });
  });

  afterAll(async () => {
    await client.stop();
    await server.stop();
    const look = await inspector();
    await look.ch.deleteQueue(rpcQueueName(method));
    await look.close();
  });

  it('answers with the validated response', async () => {
    await expect(client.rpcClient.call(Commit, { base: 'x' })).resolves.toEqual({ commit: 'after-x' });
  });

  it('re-throws a remote AppError with the same code, message and details', async () => {
    const error = await client.rpcClient.call(Commit, { base: 'conflict' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'REPO.CONFLICT', message: 'the branch moved', details: { head: 'abc', files: [{ path: 'a.js' }] } });
  });

  it('turns an unexpected server error into RPC.INTERNAL without leaking its internals', async () => {
    const error = await client.rpcClient.call(Commit, { base: 'bug' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RPC.INTERNAL' });
    expect((error as Error).message).not.toContain('undefined');
  });

  it('refuses an invalid request before sending it, and reports a response that breaks the contract', async () => {
    await expect(client.rpcClient.call(Commit, { base: '' })).rejects.toMatchObject({ code: 'RPC.BAD_REQUEST' });
    await expect(client.rpcClient.call(Commit, { base: 'bad-response' })).rejects.toMatchObject({ code: 'RPC.BAD_RESPONSE' });
  });
});
