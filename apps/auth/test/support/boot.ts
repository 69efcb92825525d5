import 'reflect-metadata';
import { Writable } from 'node:stream';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { currentContext, NestPinoLogger, requestIdMiddleware } from '@imad/observability';
import { amqpUrl, redisUrl } from '@imad/testing';
import { createAppModule } from '../../src/app.module';
import { loadServiceConfig, type Config } from '../../src/config';
import { AUTH_BODY_LIMIT, configureHttp } from '../../src/http/configure';

export interface BootedAuth {
  url: string;
  config: Config;
  /** A separate client, for reading what auth stored. */
  redis: Redis;
  /** Every JSON log line auth wrote (debug and up), to check nothing secret is in them. */
  logs: string[];
  close(): Promise<void>;
}

export const PUBLIC_URL = 'http://localhost:8080';

/**
 * Boots the real auth module against the real Redis and RabbitMQ, the way main.ts does
 * (same body limit, same HTTP set-up), on a free port. The logger keeps lines in memory
 * and, unlike production, redacts nothing: a secret that reaches a log call fails tests.
 */
export async function bootAuth(env: Record<string, string> = {}): Promise<BootedAuth> {
  const config = loadServiceConfig({ AMQP_URL: amqpUrl(), REDIS_URL: redisUrl(), PUBLIC_URL, AUTH_PROVIDER: 'local', ...env });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = pino({ level: 'debug', base: { service: 'auth' }, mixin: () => ({ ...currentContext() }) }, sink);
  const app = await NestFactory.create<NestExpressApplication>(createAppModule(config, logger), { logger: new NestPinoLogger(logger), bodyParser: false });
  app.use(requestIdMiddleware);
  app.useBodyParser('json', { limit: AUTH_BODY_LIMIT });
  configureHttp(app, config, logger);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const redis = new Redis(config.REDIS_URL);
  return {
    url: `http://127.0.0.1:${address.port}`,
    config,
    redis,
    logs,
    async close() {
      await app.close();
      await redis.quit();
    },
  };
}
