import 'reflect-metadata';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger, NestPinoLogger } from '@imad/observability';
import { StatusStore } from '@imad/status';
import { amqpUrl, redisUrl, uniqueName } from '@imad/testing';
import { Redis } from 'ioredis';
import { createAppModule } from '../../src/app.module';
import { loadServiceConfig, type Config } from '../../src/config';
import { RUNTIME, type Runtime } from '../../src/core/runtime.port';

export const GIT_SECRET = 'test-git-read-secret-0123456789';

export interface TestDeployer {
  app: INestApplication;
  config: Config;
  runtime: Runtime;
  close(): Promise<void>;
}

/** Boots the real deployer module (real RabbitMQ, Redis, runtime) with test settings. */
export async function startDeployer(env: Record<string, string | undefined>): Promise<TestDeployer> {
  const config = loadServiceConfig({
    AMQP_URL: amqpUrl(),
    REDIS_URL: redisUrl(),
    GIT_READ_SECRET: GIT_SECRET,
    APPS_ROUTER_PORT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL,
    ...env,
  });
  const logger = createLogger('deployer', process.env.LOG_LEVEL ?? 'warn');
  const app = await NestFactory.create(createAppModule(config, logger), { logger: new NestPinoLogger(logger) });
  try {
    await app.init();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return {
    app,
    config,
    runtime: app.get<Runtime>(RUNTIME),
    close: () => app.close(),
  };
}

export async function tempDataDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'imad-deployer-'));
}

/** A Redis client and status store for the test itself (reads what the deployer wrote). */
export function testStore(): { redis: Redis; store: StatusStore; close(): Promise<void> } {
  const redis = new Redis(redisUrl());
  const store = new StatusStore(redis);
  return { redis, store, close: async () => (await store.close(), void (await redis.quit())) };
}

export const testQueue = () => uniqueName('deployer-test');
export const testApp = () => uniqueName('app').toLowerCase().slice(0, 40).replace(/-$/, 'x');
