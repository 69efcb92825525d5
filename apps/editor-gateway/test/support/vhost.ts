import { connect, type Channel } from 'amqplib';
import { DEPLOY_QUEUE, rpcQueueName } from '@imad/messaging';
import { createVhost, deleteVhostInBackground } from './vhost-ctl.js';

/**
 * The RabbitMQ vhost of this test run (made by global-vhost.js), on the real broker: there
 * the tests can serve `rpc.repo.*` and read `deployer.requests` without taking requests
 * from a running platform or another engineer's tests, which use the same queue names in
 * the default vhost. Run outside jest's globalSetup, a file gets a vhost of its own.
 */
export async function testVhost(): Promise<{ url: string; remove: () => Promise<void> }> {
  if (process.env.GW_TEST_AMQP_URL) return { url: process.env.GW_TEST_AMQP_URL, remove: async () => undefined };
  const { name, url } = await createVhost();
  return { url, remove: async () => deleteVhostInBackground(name) };
}

/** Empties the vhost's deploy queue and drops RPC queues, so a file starts from a clean broker. */
export async function resetQueues(url: string, rpcMethods: string[]): Promise<void> {
  const conn = await connect(url);
  // A queue that does not exist yet closes the channel with 404: one channel per operation.
  const attempt = async (op: (ch: Channel) => Promise<unknown>) => {
    const ch = await conn.createChannel();
    ch.on('error', () => undefined);
    await op(ch).catch(() => undefined);
    await ch.close().catch(() => undefined);
  };
  try {
    await attempt((ch) => ch.purgeQueue(DEPLOY_QUEUE));
    for (const method of rpcMethods) await attempt((ch) => ch.deleteQueue(rpcQueueName(method)));
  } finally {
    await conn.close();
  }
}
