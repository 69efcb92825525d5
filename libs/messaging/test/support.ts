import { connect, type Channel, type ChannelModel, type GetMessage } from 'amqplib';
import { createLogger } from '@imad/observability';
// The workspace rule has no test-file exception yet (type:lib → type:testing); only this helper
// file reaches the test helpers, src never does.
 
import { amqpUrl, eventually, infra, repoRoot, uniqueName } from '@imad/testing';

export { amqpUrl, eventually, infra, repoRoot, uniqueName };
import { AmqpConnection, ConsumerHost, Publisher, RpcClient, RpcServer, deadLetterQueueName, retryQueues } from '../src';
import { resolvePolicy } from '../src/retry-policy';

/** The messaging stack of one "process", on the real broker. */
export async function startStack(name: string, opts: { prefetch?: number; url?: string } = {}) {
  const connection = new AmqpConnection({ url: opts.url ?? amqpUrl(), connectionName: name, logger: createLogger(name, process.env.TEST_LOG_LEVEL ?? 'silent'), reconnect: { initialDelayMs: 100, maxDelayMs: 1_000 } });
  const publisher = new Publisher(connection);
  const consumers = new ConsumerHost(connection, { prefetch: opts.prefetch });
  const rpcClient = new RpcClient(connection);
  const rpcServer = new RpcServer(connection);
  await connection.start();
  const stop = async () => {
    await consumers.stop(5_000);
    await rpcServer.stop(5_000);
    await connection.close();
  };
  return { connection, publisher, consumers, rpcClient, rpcServer, stop };
}

/** A plain amqplib connection for looking at queues from the outside. */
export async function inspector(): Promise<{ ch: Channel; conn: ChannelModel; close: () => Promise<void> }> {
  const conn = await connect(amqpUrl());
  const ch = await conn.createChannel();
  return { conn, ch, close: () => conn.close() };
}

/** Waits for one message in `queue` and returns it (acked). */
export function getOne(ch: Channel, queue: string, timeoutMs = 10_000): Promise<GetMessage> {
  return eventually(`a message in ${queue}`, async () => {
    const msg = await ch.get(queue, { noAck: true });
    return msg || undefined;
  }, timeoutMs, 50);
}

/** Deletes a work queue and everything declared with it. */
export async function deleteQueues(ch: Channel, queue: string, retry?: { maxAttempts?: number; backoffMs?: number }): Promise<void> {
  const names = [queue, deadLetterQueueName(queue), ...retryQueues(queue, resolvePolicy(retry ?? {})).map((r) => r.name)];
  for (const name of names) await ch.deleteQueue(name).catch(() => undefined);
}
