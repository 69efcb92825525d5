import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { decodeEnvelope, type Envelope, type MessageContract, type PayloadOf } from '@imad/contracts';
import { runWithContext, type Logger } from '@imad/observability';
import { DeadLetterError, describeError } from './errors';
import { attemptOf, H } from './headers';
import type { MessagingMetrics } from './metrics';
import { deadLetter, retry } from './moves';
import type { RetryPolicy } from './retry-policy';

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
