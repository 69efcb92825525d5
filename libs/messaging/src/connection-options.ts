import type { ChannelModel, RecoveringChannelModel } from 'amqplib';
import type { Logger } from '@imad/observability';

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

/** Heartbeats notice a dead peer (half-open TCP) within ~2 intervals; the URL's own value wins. */
export function withHeartbeat(url: string, seconds: number): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('heartbeat')) parsed.searchParams.set('heartbeat', String(seconds));
  return parsed.toString();
}

export function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//');
}

/** Log lines for recovery: one line per attempt, without stacks (a restart makes dozens). */
export function logRecoveryEvents(recovering: RecoveringChannelModel, logger: Logger): void {
  recovering.on('connect-failed', (error: Error) => logger.warn({ error: error.message }, 'RabbitMQ connection attempt failed'));
  recovering.on('reconnect-scheduled', ({ attempt, delay }: { attempt: number; delay: number }) => logger.info({ attempt, delayMs: delay }, 'reconnecting to RabbitMQ'));
  recovering.on('reconnect-failed', (error: Error) => logger.error({ err: error }, 'gave up reconnecting to RabbitMQ'));
  // Without an 'error' listener an EventEmitter error would crash the process.
  recovering.on('error', (error: Error) => logger.warn({ error: error.message }, 'AMQP connection error'));
  recovering.on('blocked', (reason: string) => logger.warn({ reason }, 'RabbitMQ blocked publishing (resource alarm)'));
}
