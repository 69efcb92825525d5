import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { createLogger, NestPinoLogger, requestIdMiddleware, type Logger } from '@imad/observability';
import { redisUrl } from '@imad/testing';
import { createAppModule } from '../../src/app.module';
import { loadServiceConfig, type Config } from '../../src/config';
import { configureGateway } from '../../src/configure';
import type { LiveLimits } from '../../src/live/live-limits';

export const PUBLIC_ORIGIN = 'http://ide.gateway.test';

export interface RunningGateway {
  app: INestApplication;
  url: string;
  wsUrl: string;
  config: Config;
  close: () => Promise<void>;
}

/**
 * Boots the real AppModule the way @imad/bootstrap's startService does (request ids, the
 * JSON body parser in front, then configureGateway) on a free port, against real Redis
 * and the given RabbitMQ vhost.
 */
export async function startGateway(options: {
  amqpUrl: string;
  env?: Record<string, string>;
  liveLimits?: Partial<LiveLimits>;
  logger?: Logger;
}): Promise<RunningGateway> {
  const config = loadServiceConfig({
    AMQP_URL: options.amqpUrl,
    REDIS_URL: redisUrl(),
    PUBLIC_URL: PUBLIC_ORIGIN,
    AUTH_URL: 'http://127.0.0.1:9', // nothing listens: tests that need auth pass their own
    WEB_DIST_DIR: await webDist(),
    APPS_URL_TEMPLATE: 'http://{app}.apps.gateway.test/',
    ...options.env,
  });
  const logger = options.logger ?? createLogger('editor-gateway', process.env.TEST_LOG_LEVEL ?? 'silent');
  // @nestjs/testing is not a dependency; NestFactory boots the same real module.
  const app = await NestFactory.create<NestExpressApplication>(createAppModule(config, logger, { liveLimits: options.liveLimits }), {
    bodyParser: false,
    logger: new NestPinoLogger(logger),
    abortOnError: false, // a start-up failure fails the test instead of exiting jest
  });
  app.use(requestIdMiddleware);
  app.useBodyParser('json', { limit: '5mb' });
  configureGateway(app);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, wsUrl: url.replace(/^http/, 'ws'), config, close: () => app.close() };
}

/** A minimal built IDE: the two pages and one content-hashed asset, like apps/web/build.js emits. */
async function webDist(): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'gw-web-')), 'web');
  await mkdir(path.join(dir, 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>imad IDE</title><script type="module" src="/assets/index-AB12CD34.js"></script>');
  await writeFile(path.join(dir, 'signin.html'), '<!doctype html><title>Sign in</title>');
  await writeFile(path.join(dir, 'assets/index-AB12CD34.js'), 'console.log("ide")');
  return dir;
}
