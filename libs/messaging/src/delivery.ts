import type { ConfirmChannel, ConsumeMessage, Options } from 'amqplib';
import { decodeEnvelope, type Envelope, type MessageContract, type PayloadOf } from '@imad/contracts';
import { runWithContext, type Logger } from '@imad/observability';
import { DeadLetterError, describeError } from './errors';
import { attemptOf, clip, H, republishOptions, type DeadLetterReason } from './headers';
import type { MessagingMetrics } from './metrics';
import { retryDelay, retryQueueName, type RetryPolicy } from './retry-policy';
import { DEAD_LETTER_EXCHANGE } from './topology';

export type Handler<C extends MessageContract> = (payload: PayloadOf<C>, envelope: Envelope<PayloadOf<C>>) => Promise<void>;

export interface DeliveryContext<C extends MessageContract> {
  ch: ConfirmChannel;
  queue: string;
  contract: C;
  handler: Handler<C>;
  policy: RetryPolicy;
  logger: Logger;
  metrics: MessagingMetrics;
}

/**
 * The error policy of every consumer, in one place. Never throws: whatever happens, the
 * message is acked, moved (retry queue or DLQ, confirmed before the ack), or left unacked
 * for the broker to redeliver when the channel closes.
 */
export function handleDelivery<C extends MessageContract>(ctx: DeliveryContext<C>, msg: ConsumeMessage): Promise<void> {
  const messageId = msg.properties.messageId ?? `${ctx.queue}#${msg.fields.deliveryTag}`;
  const requestId = msg.properties.headers?.[H.requestId] as string | undefined;
  return runWithContext({ messageId, ...(requestId ? { requestId } : {}) }, () => settle(ctx, msg).catch((error) => {
    // Channel gone mid-ack: the broker redelivers the message on the next connection.
    ctx.logger.warn({ err: error, queue: ctx.queue }, 'could not settle the message; the broker will redeliver it');
  }));
}

async function settle<C extends MessageContract>(ctx: DeliveryContext<C>, msg: ConsumeMessage): Promise<void> {
  const decoded = decodeEnvelope(ctx.contract, msg.content);
  if (!decoded.ok) return deadLetter(ctx, msg, 'invalid', decoded.reason);

  const attempt = attemptOf(msg);
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    await ctx.handler(decoded.envelope.payload as PayloadOf<C>, decoded.envelope as Envelope<PayloadOf<C>>);
  } catch (error) {
    if (error instanceof DeadLetterError) return deadLetter(ctx, msg, 'rejected', error.reason, seconds());
    if (attempt >= ctx.policy.maxAttempts) {
      return deadLetter(ctx, msg, 'max-attempts', `failed ${attempt} of ${ctx.policy.maxAttempts} attempts; last error: ${describeError(error)}`, seconds());
    }
    return retry(ctx, msg, attempt, error, seconds());
  }
  ctx.ch.ack(msg);
  ctx.metrics.onConsumed(ctx.queue, 'ack', seconds());
}

async function retry<C extends MessageContract>(ctx: DeliveryContext<C>, msg: ConsumeMessage, attempt: number, error: unknown, seconds: number): Promise<void> {
  const delayMs = retryDelay(ctx.policy, attempt);
  const lastError = clip(describeError(error));
  ctx.logger.warn({ err: error, queue: ctx.queue, attempt, delayMs }, `handler failed; retrying in ${delayMs} ms`);
  const options = republishOptions(msg, { [H.attempt]: attempt + 1, [H.lastError]: lastError });
  await moveThenAck(ctx, msg, '', retryQueueName(ctx.queue, delayMs), options);
  ctx.metrics.onConsumed(ctx.queue, 'retry', seconds);
}

async function deadLetter<C extends MessageContract>(ctx: DeliveryContext<C>, msg: ConsumeMessage, code: DeadLetterReason, reason: string, seconds?: number): Promise<void> {
  ctx.logger.error({ queue: ctx.queue, reasonCode: code, reason }, 'message sent to the dead-letter queue');
  const options = republishOptions(msg, {
    [H.reason]: clip(reason),
    [H.reasonCode]: code,
    [H.queue]: ctx.queue,
    [H.attempt]: attemptOf(msg),
    [H.deadLetteredAt]: new Date().toISOString(),
  });
  await moveThenAck(ctx, msg, DEAD_LETTER_EXCHANGE, ctx.queue, options);
  ctx.metrics.onConsumed(ctx.queue, 'dead-lettered', seconds);
  ctx.metrics.onDeadLettered(ctx.queue, code);
}

/** Copy (original body, confirmed) first, ack second: a crash in between duplicates, never loses. */
async function moveThenAck<C extends MessageContract>(ctx: DeliveryContext<C>, msg: ConsumeMessage, exchange: string, routingKey: string, options: Options.Publish): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      ctx.ch.publish(exchange, routingKey, msg.content, options, (err) => (err ? reject(err) : resolve()));
    });
  } catch (error) {
    // Not stored elsewhere: give it back. The quorum queue's delivery limit bounds this loop.
    ctx.logger.warn({ err: error, queue: ctx.queue }, 'could not move the message; returning it to the queue');
    ctx.ch.nack(msg, false, true);
    ctx.metrics.onConsumed(ctx.queue, 'requeued');
    return;
  }
  ctx.ch.ack(msg);
}
