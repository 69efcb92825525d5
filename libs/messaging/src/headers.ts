import type { ConsumeMessage, Message, Options } from 'amqplib';

/** Headers this layer writes; DLQ readers and replay tools rely on these names. */
export const H = {
  reason: 'x-imad-reason',
  reasonCode: 'x-imad-reason-code',
  queue: 'x-imad-queue',
  attempt: 'x-imad-attempt',
  lastError: 'x-imad-last-error',
  deadLetteredAt: 'x-imad-dead-lettered-at',
  requestId: 'x-request-id',
} as const;

export type DeadLetterReason = 'invalid' | 'rejected' | 'max-attempts';

/** Header values stay well under amqplib's 64 KiB table limit whatever a handler throws. */
const MAX_HEADER_TEXT = 2_000;
export const clip = (text: string): string => (text.length > MAX_HEADER_TEXT ? `${text.slice(0, MAX_HEADER_TEXT - 1)}…` : text);

/** Which run of the handler this delivery is (1 for the first; retries carry the count). */
export function attemptOf(msg: ConsumeMessage): number {
  const value = Number(msg.properties.headers?.[H.attempt]);
  return Number.isInteger(value) && value >= 1 ? value : 1;
}

// Broker dead-letter history is dropped on republish: it would only grow, and RabbitMQ's cycle
// detection reads it.
const BROKER_HEADERS = ['x-death', 'x-first-death-exchange', 'x-first-death-queue', 'x-first-death-reason', 'x-last-death-exchange', 'x-last-death-queue', 'x-last-death-reason', 'x-delivery-count'];

/** Publish options that copy the original message's properties, with extra headers. */
export function republishOptions(msg: Message, headers: Record<string, unknown>): Options.Publish {
  const p = msg.properties;
  const kept = Object.fromEntries(Object.entries(p.headers ?? {}).filter(([key]) => !BROKER_HEADERS.includes(key)));
  return {
    persistent: true,
    contentType: p.contentType,
    contentEncoding: p.contentEncoding,
    messageId: p.messageId,
    correlationId: p.correlationId,
    timestamp: p.timestamp,
    type: p.type,
    appId: p.appId,
    headers: { ...kept, ...headers },
  };
}
