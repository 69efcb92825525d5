import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, DeployRequested, encodeEnvelope, formatIssues, type MessageContract, type PayloadOf } from '@imad/contracts';
import { currentContext } from '@imad/observability';
import { ConfirmPublisher } from './confirm-channel';
import type { AmqpConnection } from './connection';
import { H } from './headers';
import { MessagingMetrics } from './metrics';
import { DEPLOY_EXCHANGE, DEPLOY_ROUTING_KEY, EVENTS_EXCHANGE } from './topology';

export interface PublishOptions {
  /** Message id (idempotency key for consumers); a UUID if omitted. */
  id?: string;
  correlationId?: string;
}

/**
 * Publishes contract-checked envelopes, persistent, and resolves only once the broker has
 * confirmed them. Any other outcome (not connected, connection lost before the confirm,
 * broker nack, unroutable command) rejects with an AppError: the caller may retry.
 */
export class Publisher {
  private readonly confirms: ConfirmPublisher;

  constructor(private readonly connection: AmqpConnection, private readonly metrics = new MessagingMetrics()) {
    this.confirms = new ConfirmPublisher(connection, connection.logger.child({ component: 'publisher' }));
  }

  /** Topic exchange `imad.events`, routing key = contract.type. Unrouted events are fine (no subscriber yet). */
  publishEvent<C extends MessageContract>(contract: C, payload: PayloadOf<C>, opts: PublishOptions = {}): Promise<{ id: string }> {
    return this.publish(EVENTS_EXCHANGE, contract.type, contract, payload, opts, false);
  }

  /** Exchange `imad.deploy` → quorum queue `deployer.requests`; rejects if nothing would store it. */
  sendDeployRequest(payload: PayloadOf<typeof DeployRequested>, opts: PublishOptions = {}): Promise<{ id: string }> {
    return this.publish(DEPLOY_EXCHANGE, DEPLOY_ROUTING_KEY, DeployRequested, payload, opts, true);
  }

  /** Any exchange and routing key; `mandatory` rejects with MESSAGING.UNROUTABLE when no queue takes it. */
  publish<C extends MessageContract>(
    exchange: string,
    routingKey: string,
    contract: C,
    payload: PayloadOf<C>,
    opts: PublishOptions = {},
    mandatory = false,
  ): Promise<{ id: string }> {
    const id = opts.id ?? randomUUID();
    let body: Buffer;
    try {
      body = encode(contract, payload, { id, correlationId: opts.correlationId });
    } catch (error) {
      return Promise.reject(error);
    }
    const { requestId } = currentContext();
    const sent = this.confirms.publish(exchange, routingKey, body, {
      messageId: id,
      correlationId: opts.correlationId,
      type: contract.type,
      contentType: 'application/json',
      timestamp: Math.floor(Date.now() / 1000),
      appId: this.connection.options.connectionName,
      mandatory,
      headers: requestId ? { [H.requestId]: requestId } : {},
    }, `${contract.type} ${id}`);
    return sent.then(() => {
      this.metrics.onPublished(exchange, contract.type);
      return { id };
    });
  }
}

function encode(contract: MessageContract, payload: unknown, meta: { id: string; correlationId?: string }): Buffer {
  try {
    return encodeEnvelope(contract, payload, meta);
  } catch (error) {
    if (error instanceof z.ZodError) {
      throw new AppError('MESSAGING.INVALID_PAYLOAD', `invalid ${contract.type} payload: ${formatIssues(error)}`, { type: contract.type });
    }
    throw error;
  }
}
