import type { ConsumeMessage, Options } from 'amqplib';
import type { MessageContract } from '@imad/contracts';
import type { DeliveryContext } from './delivery';
import { describeError } from './errors';
import { attemptOf, clip, H, republishOptions, type DeadLetterReason } from './headers';
import { retryDelay, retryQueueName } from './retry-policy';
import { DEAD_LETTER_EXCHANGE } from './topology';

/** Park the message in the retry queue for its back-off step; it comes back when the TTL ends. */
export async function retry<C extends MessageContract>(ctx: DeliveryContext<C>, msg: ConsumeMessage, attempt: number, error: unknown, seconds: number): Promise<void> {
  const delayMs = retryDelay(ctx.policy, attempt);
  ctx.logger.warn({ err: error, queue: ctx.queue, attempt, delayMs }, `handler failed; retrying in ${delayMs} ms`);
  const options = republishOptions(msg, { [H.attempt]: attempt + 1, [H.lastError]: clip(describeError(error)) });
  if (await moveThenAck(ctx, msg, '', retryQueueName(ctx.queue, delayMs), options)) ctx.metrics.onConsumed(ctx.queue, 'retry', seconds);
}

/** Original body and properties to `<queue>.dlq` (through imad.dlx), with the reason in headers. */
export async function deadLetter<C extends MessageContract>(ctx: DeliveryContext<C>, msg: ConsumeMessage, code: DeadLetterReason, reason: string, seconds?: number): Promise<void> {
  ctx.logger.error({ queue: ctx.queue, reasonCode: code, reason }, 'message sent to the dead-letter queue');
  const options = republishOptions(msg, {
    [H.reason]: clip(reason),
    [H.reasonCode]: code,
    [H.queue]: ctx.queue,
    [H.attempt]: attemptOf(msg),
    [H.deadLetteredAt]: new Date().toISOString(),
  });
  if (await moveThenAck(ctx, msg, DEAD_LETTER_EXCHANGE, ctx.queue, options)) {
    ctx.metrics.onConsumed(ctx.queue, 'dead-lettered', seconds);
    ctx.metrics.onDeadLettered(ctx.queue, code);
  }
}

/** Copy (confirmed) first, ack second: a crash in between duplicates, never loses. */
async function moveThenAck<C extends MessageContract>(ctx: DeliveryContext<C>, msg: ConsumeMessage, exchange: string, routingKey: string, options: Options.Publish): Promise<boolean> {
  try {
    await new Promise<void>((resolve, reject) => {
      ctx.ch.publish(exchange, routingKey, msg.content, options, (err) => (err ? reject(err) : resolve()));
    });
  } catch (error) {
    // Not stored elsewhere: give it back. The quorum queue's delivery limit bounds this loop.
    ctx.logger.warn({ err: error, queue: ctx.queue }, 'could not move the message; returning it to the queue');
    ctx.ch.nack(msg, false, true);
    ctx.metrics.onConsumed(ctx.queue, 'requeued');
    return false;
  }
  ctx.ch.ack(msg);
  return true;
}
