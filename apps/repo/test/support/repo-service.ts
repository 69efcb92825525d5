import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { RequestInputOf, ResponseOf, RpcContract } from '@imad/contracts';
import { AmqpConnection, RpcClient } from '@imad/messaging';
import { createLogger, NestPinoLogger, requestIdMiddleware } from '@imad/observability';
import { redisUrl } from '@imad/testing';
import { createAppModule, type AppModuleOverrides } from '../../src/app.module';
import { loadServiceConfig, type Config } from '../../src/config';
import { testVhost } from './vhost';

export const GIT_READ_SECRET = 'test-secret-for-git-read-credentials-0123456789';

export interface RunningRepo {
  url: string;
  config: Config;
  dataDir: string;
  amqpUrl: string;
  /** Calls the service over real RabbitMQ RPC, as the gateway does. */
  call<C extends RpcContract>(contract: C, request: RequestInputOf<C>, timeoutMs?: number): Promise<ResponseOf<C>>;
  close(): Promise<void>;
}

/**
 * Boots the real repo module the way startService does, on a free port, against the real
 * Redis and a RabbitMQ vhost of its own, with DATA_DIR in a fresh temporary directory.
 * The RPC client is a separate connection, like another service's.
 */
export async function startRepo(options: { env?: Record<string, string>; overrides?: AppModuleOverrides } = {}): Promise<RunningRepo> {
  const vhost = await testVhost();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'repo-int-'));
  const config = loadServiceConfig({ AMQP_URL: vhost.url, REDIS_URL: redisUrl(), DATA_DIR: dataDir, GIT_READ_SECRET, ...options.env });
  const logger = createLogger('repo', process.env.TEST_LOG_LEVEL ?? 'silent');
  const app = await NestFactory.create<NestExpressApplication>(createAppModule(config, logger, options.overrides), {
    bodyParser: false,
    logger: new NestPinoLogger(logger),
    abortOnError: false,
  });
  app.use(requestIdMiddleware);
  app.useBodyParser('json', { limit: '1mb' });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const connection = new AmqpConnection({ url: vhost.url, connectionName: 'repo-test-client', logger: createLogger('repo-test-client', 'silent') });
  await connection.start();
  const client = new RpcClient(connection);
  return {
    url,
    config,
    dataDir,
    amqpUrl: vhost.url,
    call: (contract, request, timeoutMs = 15_000) => client.call(contract, request, { timeoutMs }),
    async close() {
      await connection.close();
      await app.close();
      await vhost.remove();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A student no other test (or earlier run) uses. */
export function newStudent(): { userId: string; login: string; appName: string } {
  const id = randomBytes(6).toString('hex');
  return { userId: `u_${id}`, login: `student-${id}`, appName: `app-${id}` };
}
