import { EventEmitter } from 'node:events';
import { connect, type ChannelModel, type RecoveringChannelModel } from 'amqplib';
import { AppError } from '@imad/contracts';
import { createLogger, type Logger } from '@imad/observability';
import { MessagingErrors } from './errors';
import { logRecoveryEvents, redact, withHeartbeat, type ConnectHook, type ConnectionOptions } from './connection-options';
import { declareBaseTopology } from './topology';

export type { ConnectHook, ConnectionOptions } from './connection-options';

/**
 * One AMQP connection per process. amqplib's recovery reconnects it with capped back-off;
 * each time, before it counts as connected, the topology is declared again and every
 * registered hook (publisher, consumers, RPC) re-opens its channels. Emits 'connected' and
 * 'disconnected'.
 */
export class AmqpConnection extends EventEmitter {
  readonly logger: Logger;
  private recovering?: RecoveringChannelModel;
  private model?: ChannelModel;
  private readonly hooks: ConnectHook[] = [];
  private lastError?: Error;

  constructor(readonly options: ConnectionOptions) {
    super();
    this.logger = (options.logger ?? createLogger(options.connectionName)).child({ component: 'amqp' });
  }

  /** True while a connection is open and its topology, channels and consumers are in place. */
  get isConnected(): boolean {
    return this.model !== undefined;
  }

  /** The open connection, or MESSAGING.UNAVAILABLE. */
  current(what = 'the operation was not attempted'): ChannelModel {
    if (!this.model) throw MessagingErrors.unavailable(what);
    return this.model;
  }

  /** Registers work to redo on every connect (runs in registration order). */
  onConnect(hook: ConnectHook): void {
    this.hooks.push(hook);
  }

  async start(): Promise<void> {
    if (this.recovering) return;
    const { reconnect = {}, startTimeoutMs = 30_000, heartbeatSeconds = 15 } = this.options;
    this.recovering = await connect(withHeartbeat(this.options.url, heartbeatSeconds), {
      clientProperties: { connection_name: this.options.connectionName },
      recovery: {
        initialDelay: reconnect.initialDelayMs ?? 250,
        maxDelay: reconnect.maxDelayMs ?? 10_000,
        waitForConnect: false,
        setup: (model: ChannelModel) => this.setup(model),
      },
    });
    this.wire(this.recovering);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AppError('MESSAGING.UNAVAILABLE',
        `RabbitMQ at ${redact(this.options.url)} was not ready within ${startTimeoutMs} ms${this.lastError ? `: ${this.lastError.message}` : ''}`)), startTimeoutMs);
    });
    try {
      await Promise.race([this.recovering.waitForConnect(), timeout]);
    } catch (error) {
      await this.close();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    const recovering = this.recovering;
    this.recovering = undefined;
    const wasUp = this.model !== undefined;
    this.model = undefined;
    await recovering?.close();
    if (wasUp) this.emit('disconnected', new Error('closed'));
  }

  private async setup(model: ChannelModel): Promise<void> {
    // Errors here must not crash the process before recovery has bound its listeners.
    model.on('error', (error: Error) => this.logger.warn({ err: error }, 'AMQP connection error'));
    const ch = await model.createChannel();
    ch.on('error', () => undefined);
    await declareBaseTopology(ch);
    await ch.close();
    for (const hook of this.hooks) await hook(model);
  }

  private wire(recovering: RecoveringChannelModel): void {
    recovering.on('connect', (model: ChannelModel) => {
      this.model = model;
      this.lastError = undefined;
      this.logger.info({ connectionName: this.options.connectionName }, 'connected to RabbitMQ; topology and consumers in place');
      this.emit('connected');
    });
    recovering.on('disconnect', (error: Error) => {
      this.model = undefined;
      this.logger.warn({ err: error }, 'lost the RabbitMQ connection; reconnecting');
      this.emit('disconnected', error);
    });
    recovering.on('connect-failed', (error: Error) => (this.lastError = error));
    logRecoveryEvents(recovering, this.logger);
  }
}
