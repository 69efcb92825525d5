import { DeployRequested } from '@imad/contracts';
import type { ConsumerHost } from '@imad/messaging';
import type { DeployService } from './deploy.service';

/** Handler runs per message before the messaging layer dead-letters it; the deployer's own budget (AttemptBudget) is lower. */
export const MESSAGE_ATTEMPTS = 8;

/**
 * `deploy.requested` from the deploy queue (durable quorum queue, manual ack, bounded
 * prefetch). Error policy: the handler resolves → ack (deploy accepted or ended with a
 * status); an envelope or payload that does not validate → DLQ with the reason (by
 * ConsumerHost); DeadLetterError → DLQ now; anything else → retry with back-off
 * (DEPLOY_RETRY_BACKOFF_MS, 1 s by default, doubling to 30 s) up to MESSAGE_ATTEMPTS, then DLQ.
 */
export class DeployRequestConsumer {
  constructor(
    private readonly consumers: ConsumerHost,
    private readonly service: DeployService,
    private readonly queue: string,
    private readonly backoffMs = 1_000,
  ) {}

  start(): Promise<void> {
    return this.consumers.consume({
      queue: this.queue,
      contract: DeployRequested,
      handler: (payload) => this.service.handle(payload),
      maxAttempts: MESSAGE_ATTEMPTS,
      backoffMs: this.backoffMs,
      maxBackoffMs: Math.max(this.backoffMs, 30_000),
    });
  }
}
