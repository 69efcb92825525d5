import { once } from 'node:events';
import type { ConfirmChannel, Message, Options } from 'amqplib';
import type { Logger } from '@imad/observability';
import { MessagingErrors } from './errors';
import type { AmqpConnection } from './connection';

/**
 * A lazily opened confirm channel that is dropped when it closes (connection loss, or a
 * channel error such as publishing to a missing exchange) and re-opened on next use.
 * `publish` resolves only on the broker's ack for that very message.
 */
export class ConfirmPublisher {
  private channel?: Promise<ConfirmChannel>;
  // The open channel itself: the hot path publishes without an extra await.
  private ready?: ConfirmChannel;
  private drained?: Promise<unknown>;
  // messageId → "was returned as unroutable", for mandatory publishes.
  private readonly returned = new Set<string>();

  constructor(private readonly connection: AmqpConnection, private readonly logger: Logger) {
    connection.on('disconnected', () => this.forget());
  }

  publish(exchange: string, routingKey: string, content: Buffer, options: Options.Publish, what: string): Promise<void> {
    // Hot path: channel open and no backpressure, so no extra promise hops per message.
    if (this.ready && !this.drained) return this.send(this.ready, exchange, routingKey, content, options, what);
    return this.publishSlow(exchange, routingKey, content, options, what);
  }

  private async publishSlow(exchange: string, routingKey: string, content: Buffer, options: Options.Publish, what: string): Promise<void> {
    const ch = this.ready ?? (await this.open(what));
    if (this.drained) await this.drained;
    return this.send(ch, exchange, routingKey, content, options, what);
  }

  private send(ch: ConfirmChannel, exchange: string, routingKey: string, content: Buffer, options: Options.Publish, what: string): Promise<void> {
    const id = options.messageId;
    return new Promise<void>((resolve, reject) => {
      const done = (err: unknown) => {
        const unroutable = id !== undefined && this.returned.delete(id);
        if (err) reject(MessagingErrors.notConfirmed(what, err));
        else if (unroutable) reject(MessagingErrors.unroutable(exchange, routingKey));
        else resolve();
      };
      try {
        // Write-buffer backpressure: later publishes wait for 'drain' instead of piling up.
        const ok = ch.publish(exchange, routingKey, content, { persistent: true, ...options }, done);
        if (!ok && !this.drained) this.drained = Promise.race([once(ch, 'drain'), once(ch, 'close')]).catch(() => undefined).finally(() => (this.drained = undefined));
      } catch (error) {
        reject(MessagingErrors.notConfirmed(what, error));
      }
    });
  }

  /** Drops the channel (connection lost or channel closed): the next publish re-opens. */
  private forget(): void {
    this.channel = undefined;
    this.ready = undefined;
    this.drained = undefined;
  }

  private open(what: string): Promise<ConfirmChannel> {
    if (this.channel) return this.channel;
    const model = this.connection.current(`${what} was not sent`);
    const opening = model.createConfirmChannel().then((ch) => {
      ch.on('error', (error: Error) => this.logger.warn({ err: error }, 'publisher channel closed by the broker'));
      ch.on('close', () => {
        if (this.channel === opening) this.forget();
      });
      ch.on('return', (msg: Message) => {
        if (msg.properties.messageId) this.returned.add(msg.properties.messageId);
      });
      if (this.channel === opening) this.ready = ch;
      return ch;
    });
    opening.catch(() => {
      if (this.channel === opening) this.channel = undefined;
    });
    this.channel = opening;
    return opening;
  }
}
