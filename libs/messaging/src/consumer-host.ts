import type { MessageContract } from '@imad/contracts';
import type { Logger } from '@imad/observability';
import type { AmqpConnection } from './connection';
import type { ConsumeOptions, SubscribeOptions } from './consume-options';
import { MessagingMetrics } from './metrics';
import { QueueConsumer } from './queue-consumer';
import { resolvePolicy } from './retry-policy';
import { EVENTS_EXCHANGE } from './topology';

export type { ConsumeOptions, SubscribeOptions } from './consume-options';

/**
 * Runs every consumer of the process. Consumers survive reconnects (re-subscribed before the
 * connection counts as up) and channel errors (re-opened after a second).
 */
export class ConsumerHost {
  private readonly consumers = new Map<string, QueueConsumer>();
  private readonly logger: Logger;
  private stopped = false;

  constructor(private readonly connection: AmqpConnection, private readonly defaults: { prefetch?: number } = {}, private readonly metrics = new MessagingMetrics()) {
    this.logger = connection.logger.child({ component: 'consumer' });
    connection.onConnect(async (model) => {
      for (const consumer of this.consumers.values()) await consumer.start(model);
    });
  }

  /** Starts consuming now if connected (resolves once subscribed), else on connect. */
  async consume<C extends MessageContract>(options: ConsumeOptions<C>): Promise<void> {
    if (this.stopped) throw new Error('ConsumerHost is stopped');
    if (this.consumers.has(options.queue)) throw new Error(`queue ${options.queue} already has a consumer in this process`);
    const prefetch = options.prefetch ?? this.defaults.prefetch ?? 10;
    if (!Number.isInteger(prefetch) || prefetch < 1 || prefetch > 1000) throw new RangeError('prefetch must be an integer in 1..1000');
    const policy = resolvePolicy({ maxAttempts: options.maxAttempts, backoffMs: options.backoffMs, maxBackoffMs: options.maxBackoffMs });
    const consumer: QueueConsumer = new QueueConsumer(
      { queue: options.queue, contract: options.contract, handler: options.handler, policy, prefetch, bindings: options.bindings ?? [], deliveryLimit: options.deliveryLimit },
      this.logger,
      this.metrics,
      () => this.reopenSoon(consumer),
    ) as unknown as QueueConsumer;
    this.consumers.set(options.queue, consumer);
    if (this.connection.isConnected) {
      try {
        await consumer.start(this.connection.current());
      } catch (error) {
        this.consumers.delete(options.queue);
        throw error;
      }
    }
  }

  /** A durable queue bound to `imad.events` with routing key = contract.type. */
  subscribeEvent<C extends MessageContract>(options: SubscribeOptions<C>): Promise<void> {
    return this.consume({ ...options, bindings: [{ exchange: EVENTS_EXCHANGE, routingKey: options.contract.type }] });
  }

  /** Graceful stop: cancel every consumer, wait for running handlers, close their channels. */
  async stop(timeoutMs = 25_000): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.consumers.values()].map((c) => c.stop(timeoutMs)));
  }

  private reopenSoon(consumer: QueueConsumer): void {
    // Connection loss is handled by the connect hook; this is a channel-only failure.
    setTimeout(() => {
      if (this.stopped || !this.connection.isConnected) return;
      consumer.start(this.connection.current()).catch((error) => {
        this.logger.error({ err: error, queue: consumer.spec.queue }, 'could not re-subscribe; retrying');
        this.reopenSoon(consumer);
      });
    }, 1_000).unref();
  }
}
