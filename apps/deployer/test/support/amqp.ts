import { randomUUID } from 'node:crypto';
import { DeployRequested, encodeEnvelope, type PayloadOf } from '@imad/contracts';
import { amqpUrl } from '@imad/testing';
import { retryQueues } from '@imad/messaging';
import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { MESSAGE_ATTEMPTS } from '../../src/deploy/deploy-request.message-controller';

export type DeployPayload = PayloadOf<typeof DeployRequested>;

/** A plain AMQP client for tests: publish to a queue (valid envelopes or raw bytes), read its DLQ. */
export class TestBroker {
  private model: ChannelModel | undefined;
  private ch: ConfirmChannel | undefined;

  async open(): Promise<this> {
    this.model = await connect(amqpUrl());
    this.ch = await this.model.createConfirmChannel();
    return this;
  }

  async close(): Promise<void> {
    await this.model?.close().catch(() => undefined);
  }

  async send(queue: string, payload: DeployPayload): Promise<void> {
    await this.raw(queue, encodeEnvelope(DeployRequested, payload, { id: randomUUID() }));
  }

  /** Publishes bytes as-is to the queue (default exchange), persistent, confirmed. */
  async raw(queue: string, body: Buffer | string): Promise<void> {
    const content = typeof body === 'string' ? Buffer.from(body) : body;
    await new Promise<void>((resolve, reject) =>
      this.ch!.sendToQueue(queue, content, { persistent: true, messageId: randomUUID(), contentType: 'application/json' }, (err) => (err ? reject(err) : resolve())),
    );
  }

  /** Takes every message now in the queue's dead-letter queue (acking them). */
  async drainDlq(queue: string): Promise<{ body: string; headers: Record<string, unknown> }[]> {
    const out: { body: string; headers: Record<string, unknown> }[] = [];
    for (;;) {
      const msg = await this.ch!.get(`${queue}.dlq`, { noAck: true });
      if (!msg) return out;
      out.push({ body: msg.content.toString(), headers: (msg.properties.headers ?? {}) as Record<string, unknown> });
    }
  }

  async deleteQueues(queue: string, backoffMs = 1_000): Promise<void> {
    for (const q of [queue, `${queue}.dlq`]) await this.ch!.deleteQueue(q).catch(() => undefined);
    // The retry queues the messaging lib declared for the deployer's policy.
    for (const r of retryQueues(queue, { maxAttempts: MESSAGE_ATTEMPTS, backoffMs, maxBackoffMs: Math.max(backoffMs, 30_000) })) {
      await this.ch!.deleteQueue(r.name).catch(() => undefined);
    }
  }
}

export function deployPayload(p: Partial<DeployPayload> & Pick<DeployPayload, 'app' | 'revision' | 'deployId'>): DeployPayload {
  return {
    userId: 'u_testuser01',
    action: 'deploy',
    requestedAt: new Date().toISOString(),
    ...p,
  } as DeployPayload;
}
