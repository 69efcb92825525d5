import type { MessageContract } from '@imad/contracts';
import type { Handler } from './delivery';

export interface ConsumeOptions<C extends MessageContract> {
  /** Durable quorum queue, declared with `<queue>.dlq` and its retry queues. */
  queue: string;
  contract: C;
  handler: Handler<C>;
  /** Handler runs before the DLQ (default 5). */
  maxAttempts?: number;
  /** First retry delay, doubling up to `maxBackoffMs` (defaults 1000 / 60000). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Messages in flight for this queue (default: the module's prefetch). */
  prefetch?: number;
  /** Extra exchange bindings for the queue. */
  bindings?: { exchange: string; routingKey: string }[];
  /** Broker-side redelivery cap (crashes); default 10. */
  deliveryLimit?: number;
}

export type SubscribeOptions<C extends MessageContract> = Omit<ConsumeOptions<C>, 'bindings'>;
