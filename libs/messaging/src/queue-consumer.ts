import type { ChannelModel, ConfirmChannel } from 'amqplib';
import type { MessageContract } from '@imad/contracts';
import type { Logger } from '@imad/observability';
import { handleDelivery, type Handler } from './delivery';
import { InFlight } from './in-flight';
import type { MessagingMetrics } from './metrics';
import { retryQueues, type RetryPolicy } from './retry-policy';
import { declareRetryQueue, declareWorkQueue } from './topology';

export interface QueueConsumerSpec<C extends MessageContract> {
  queue: string;
  contract: C;
  handler: Handler<C>;
  policy: RetryPolicy;
  prefetch: number;
  bindings: { exchange: string; routingKey: string }[];
  deliveryLimit?: number;
}

/**
 * One queue's consumer: its own confirm channel (acks, and confirmed moves to retry/DLQ
 * queues on the same channel), bounded prefetch, and the handlers in flight.
 */
export class QueueConsumer<C extends MessageContract = MessageContract> {
  private channel?: ConfirmChannel;
  private consumerTag?: string;
  private readonly inFlight = new InFlight();
  private stopping = false;
  private model?: ChannelModel;
  private starting?: Promise<void>;

  constructor(readonly spec: QueueConsumerSpec<C>, private readonly logger: Logger, private readonly metrics: MessagingMetrics, private readonly reopen: () => void) {}

  /** Subscribes on this connection; a no-op if already subscribed (or subscribing) on it. */
  start(model: ChannelModel): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (this.model === model && (this.channel || this.starting)) return this.starting ?? Promise.resolve();
    this.model = model;
    const starting = this.open(model).finally(() => {
      if (this.starting === starting) this.starting = undefined;
    });
    this.starting = starting;
    return starting;
  }

  /** Stop taking messages, let running handlers finish (up to `timeoutMs`), then close. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    const ch = this.channel;
    if (ch && this.consumerTag) await ch.cancel(this.consumerTag).catch(() => undefined);
    if (!(await this.inFlight.settled(timeoutMs))) {
      // Unacked messages go back to the queue when the channel closes: returned, not lost.
      this.logger.warn({ queue: this.spec.queue, inFlight: this.inFlight.size }, 'handlers still running at shutdown; their messages return to the queue');
    }
    this.channel = undefined;
    await ch?.close().catch(() => undefined);
  }

  private async open(model: ChannelModel): Promise<void> {
    const { queue, policy, prefetch, bindings, deliveryLimit } = this.spec;
    const ch = await model.createConfirmChannel();
    ch.on('error', (error: Error) => this.logger.warn({ err: error, queue }, 'consumer channel closed by the broker'));
    ch.on('close', () => {
      if (this.channel !== ch) return;
      this.channel = undefined;
      this.consumerTag = undefined;
      if (!this.stopping) this.reopen();
    });
    try {
      await ch.prefetch(prefetch);
      await declareWorkQueue(ch, queue, deliveryLimit);
      for (const r of retryQueues(queue, policy)) await declareRetryQueue(ch, queue, r.name, r.delayMs);
      for (const b of bindings) await ch.bindQueue(queue, b.exchange, b.routingKey);
      this.channel = ch;
      const ctx = { ch, queue, contract: this.spec.contract, handler: this.spec.handler, policy, logger: this.logger, metrics: this.metrics };
      const { consumerTag } = await ch.consume(queue, (msg) => {
        // null: the broker cancelled us (queue deleted); closing the channel re-subscribes.
        if (!msg) return void ch.close().catch(() => undefined);
        this.inFlight.track(handleDelivery(ctx, msg));
      }, { noAck: false });
      this.consumerTag = consumerTag;
    } catch (error) {
      this.channel = undefined;
      await ch.close().catch(() => undefined);
      throw error;
    }
  }
}
