import type { Channel, Options } from 'amqplib';

/** Topology as code: every name a service publishes to or consumes from is here. */
export const EVENTS_EXCHANGE = 'imad.events';
export const DEPLOY_EXCHANGE = 'imad.deploy';
export const DEAD_LETTER_EXCHANGE = 'imad.dlx';
export const DEPLOY_QUEUE = 'deployer.requests';
export const DEPLOY_ROUTING_KEY = 'deploy.requested';

/**
 * A broker-side cap on redeliveries (crashes, nacks). It is the last line of defence against a
 * message that kills its consumer every time; handler failures are bounded earlier by retries.
 */
export const DEFAULT_DELIVERY_LIMIT = 10;

export const deadLetterQueueName = (queue: string): string => `${queue}.dlq`;
export const rpcQueueName = (method: string): string => `rpc.${method}`;

/**
 * A work queue is a durable quorum queue: it survives broker restarts, counts deliveries,
 * and hands a message past its delivery limit to `imad.dlx` → `<queue>.dlq`.
 */
export function workQueueArgs(queue: string, deliveryLimit = DEFAULT_DELIVERY_LIMIT): Options.AssertQueue {
  return {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-delivery-limit': deliveryLimit,
      'x-dead-letter-exchange': DEAD_LETTER_EXCHANGE,
      'x-dead-letter-routing-key': queue,
    },
  };
}

/** Exchanges and the deploy queue. Declaring is idempotent, so every (re)connect runs it. */
export async function declareBaseTopology(ch: Channel): Promise<void> {
  await ch.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
  await ch.assertExchange(DEPLOY_EXCHANGE, 'direct', { durable: true });
  await ch.assertExchange(DEAD_LETTER_EXCHANGE, 'direct', { durable: true });
  await declareWorkQueue(ch, DEPLOY_QUEUE);
  await ch.bindQueue(DEPLOY_QUEUE, DEPLOY_EXCHANGE, DEPLOY_ROUTING_KEY);
}

/** The queue, its dead-letter queue and the binding between them. */
export async function declareWorkQueue(ch: Channel, queue: string, deliveryLimit?: number): Promise<void> {
  await ch.assertQueue(queue, workQueueArgs(queue, deliveryLimit));
  const dlq = deadLetterQueueName(queue);
  // Classic and durable: a place to read and replay from, not a work queue.
  await ch.assertQueue(dlq, { durable: true, arguments: { 'x-queue-type': 'classic' } });
  await ch.bindQueue(dlq, DEAD_LETTER_EXCHANGE, queue);
}

/**
 * One retry queue per back-off step. Its TTL is fixed, so messages expire in order; on expiry
 * the broker dead-letters them through the default exchange back to the work queue.
 */
export async function declareRetryQueue(ch: Channel, queue: string, name: string, delayMs: number): Promise<void> {
  await ch.assertQueue(name, {
    durable: true,
    arguments: {
      'x-queue-type': 'classic',
      'x-message-ttl': delayMs,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': queue,
    },
  });
}
