import { AppError } from '@imad/contracts';

/**
 * Thrown by a handler for a message that can never succeed (e.g. it names an app that does
 * not exist): the message goes to the dead-letter queue at once with this reason, no retries.
 */
export class DeadLetterError extends Error {
  constructor(readonly reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'DeadLetterError';
  }
}

/** Stable codes for failures of the messaging layer itself. */
export const MessagingErrors = {
  unavailable: (what: string) =>
    new AppError('MESSAGING.UNAVAILABLE', `RabbitMQ is not connected; ${what}`),
  notConfirmed: (what: string, cause?: unknown) =>
    new AppError('MESSAGING.NOT_CONFIRMED', `the broker did not confirm ${what}; it may not have been stored, retry it`, undefined, { cause }),
  unroutable: (exchange: string, routingKey: string) =>
    new AppError('MESSAGING.UNROUTABLE', `no queue is bound to ${exchange || '(default exchange)'} for "${routingKey}"`, { exchange, routingKey }),
};

/** One line for logs and DLQ headers, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
