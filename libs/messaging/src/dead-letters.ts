import type { Channel, ConfirmChannel, GetMessage, Message } from 'amqplib';
import { clip, H, republishOptions } from './headers';
import { deadLetterQueueName } from './topology';

/** One message in `<queue>.dlq`, as an operator needs to see it. */
export interface DeadLetter {
  /** invalid | rejected | max-attempts (set by the consumer) or delivery-limit | expired | … (set by the broker). */
  code: string;
  reason: string;
  /** The work queue it came from (where a replay sends it). */
  queue: string;
  attempt?: number;
  deadLetteredAt?: string;
  messageId?: string;
  type?: string;
  /** The original body, cut to 500 characters for display. */
  body: string;
}

const BROKER_REASONS: Record<string, string> = {
  delivery_limit: 'the broker set it aside after its delivery limit: each delivery ended without an ack (the consumer crashed, or its channel closed)',
  expired: 'its time-to-live ran out in the queue',
  maxlen: 'the queue was at its length limit',
  rejected: 'a consumer rejected it without requeueing',
};

/**
 * The same description whoever dead-lettered the message: the consumer (x-imad-* headers) or
 * the broker itself, past the quorum queue's delivery limit (x-first-death-* headers).
 */
export function describeDeadLetter(msg: Message, dlqOf: string): DeadLetter {
  const h = msg.properties.headers ?? {};
  const text = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
  const brokerCode = text(h['x-first-death-reason']);
  const ours = text(h[H.reasonCode]);
  const code = ours ?? (brokerCode ? brokerCode.replace(/_/g, '-') : 'unknown');
  const reason = text(h[H.reason]) ?? (brokerCode ? (BROKER_REASONS[brokerCode] ?? `dead-lettered by the broker (${brokerCode})`) : 'no reason recorded');
  const queue = text(h[H.queue]) ?? text(h['x-first-death-queue']) ?? dlqOf.replace(/\.dlq$/, '');
  const attempt = Number(h[H.attempt] ?? h['x-delivery-count']);
  return {
    code,
    reason,
    queue,
    attempt: Number.isFinite(attempt) && attempt > 0 ? attempt : undefined,
    deadLetteredAt: text(h[H.deadLetteredAt]),
    messageId: msg.properties.messageId as string | undefined,
    type: msg.properties.type as string | undefined,
    body: clip(msg.content.toString('utf8')).slice(0, 500),
  };
}

/** Up to `limit` dead letters of `queue`, left in place (read, then all given back). */
export async function peekDeadLetters(ch: Channel, queue: string, limit = 20): Promise<DeadLetter[]> {
  const dlq = deadLetterQueueName(queue);
  const seen: DeadLetter[] = [];
  try {
    for (let msg: GetMessage | false; seen.length < limit && (msg = await ch.get(dlq, { noAck: false })); ) seen.push(describeDeadLetter(msg, dlq));
  } finally {
    ch.nackAll(true);
  }
  return seen;
}

/**
 * Sends up to `limit` dead letters back to the queue they came from, as fresh messages (the
 * attempt count and reason dropped, body and properties kept). Each is removed from the DLQ
 * only after the broker confirmed the copy: a crash in between duplicates, never loses.
 */
export async function replayDeadLetters(ch: ConfirmChannel, queue: string, limit = Infinity): Promise<DeadLetter[]> {
  const dlq = deadLetterQueueName(queue);
  const replayed: DeadLetter[] = [];
  for (let msg: GetMessage | false; replayed.length < limit && (msg = await ch.get(dlq, { noAck: false })); ) {
    const described = describeDeadLetter(msg, dlq);
    const options = republishOptions(msg, {});
    for (const key of [H.reason, H.reasonCode, H.queue, H.attempt, H.lastError, H.deadLetteredAt]) delete options.headers![key];
    try {
      await new Promise<void>((resolve, reject) => ch.sendToQueue(described.queue, msg.content, options, (err) => (err ? reject(err) : resolve())));
    } catch (error) {
      ch.nack(msg, false, true);
      throw error;
    }
    ch.ack(msg);
    replayed.push(described);
  }
  return replayed;
}
