import { EventEmitter } from 'node:events';
import { connect, type ChannelModel, type RecoveringChannelModel } from 'amqplib';
import { AppError } from '@imad/contracts';
import { createLogger, type Logger } from '@imad/observability';
import { MessagingErrors } from './errors';
import { declareBaseTopology } from './topology';

export interface ConnectionOptions {
  url: string;
  /** Shown in the broker's connection list and in logs: the service name. */
  connectionName: string;
  logger?: Logger;
  /** Reconnect back-off: starts at `initialDelayMs`, doubles, capped at `maxDelayMs` (with jitter). */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
  /** How long `start()` waits for the first connection before failing the service. */
  startTimeoutMs?: number;
  heartbeatSeconds?: number;
}

/** Runs on every (re)connect, before the connection is reported up: declare, open, consume. */
export type ConnectHook = (model: ChannelModel) => Promise<void>;

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
    recovering.on('connect-failed', (error: Error) => {
      this.lastError = error;
      this.logger.warn({ err: error }, 'RabbitMQ connection attempt failed');
    });
    recovering.on('reconnect-scheduled', ({ attempt, delay }: { attempt: number; delay: number }) =>
      this.logger.info({ attempt, delayMs: delay }, 'reconnecting to RabbitMQ'));
    recovering.on('reconnect-failed', (error: Error) => this.logger.error({ err: error }, 'gave up reconnecting to RabbitMQ'));
    recovering.on('error', (error: Error) => this.logger.warn({ err: error }, 'AMQP connection error'));
    recovering.on('blocked', (reason: string) => this.logger.warn({ reason }, 'RabbitMQ blocked publishing (resource alarm)'));
  }
}

/** Heartbeats notice a dead peer (half-open TCP) within ~2 intervals; the URL's own value wins. */
function withHeartbeat(url: string, seconds: number): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('heartbeat')) parsed.searchParams.set('heartbeat', String(seconds));
  return parsed.toString();
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//');
}
