import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '@imad/observability';

/**
 * A Redis client that reconnects forever with capped back-off and logs state changes.
 * Commands issued while disconnected fail after a few retries instead of piling up,
 * so callers see the outage and can retry or report it.
 */
export function createRedis(url: string, name: string, logger: Logger, options: RedisOptions = {}): Redis {
  const client = new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: 3,
    retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 2000),
    ...options,
  });
  let wasReady = false;
  client.on('ready', () => {
    wasReady = true;
    logger.info({ redis: name }, 'redis connected');
  });
  client.on('end', () => logger.warn({ redis: name }, 'redis connection closed'));
  client.on('error', (error) => {
    // ioredis emits an error per failed reconnect; log once per outage at warn.
    if (wasReady) logger.warn({ redis: name, err: error.message }, 'redis connection lost; reconnecting');
    wasReady = false;
  });
  return client;
}

export function isRedisReady(client: Redis): boolean {
  return client.status === 'ready';
}
