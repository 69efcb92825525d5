import 'reflect-metadata';
import { type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createLogger, NestPinoLogger, Readiness, requestIdMiddleware, type Logger } from '@imad/observability';

export interface ServiceOptions {
  /** Service name as it appears in logs and metrics. */
  name: string;
  /** Builds the root module; receives the logger so providers can share it. */
  module: (logger: Logger) => Type<unknown> | Promise<Type<unknown>>;
  port: number;
  host?: string;
  /** Largest JSON body accepted; bigger ones get 413 before any handler runs. */
  bodyLimit?: string;
  /** Extra HTTP set-up (static files, WebSocket adapter, cookies) before listen. */
  configure?: (app: NestExpressApplication, logger: Logger) => void | Promise<void>;
}

/**
 * Starts a NestJS service the same way everywhere: JSON logs, request ids, health
 * endpoints, and a graceful SIGTERM (not ready → stop taking work → close connections).
 */
export async function startService(options: ServiceOptions): Promise<INestApplication> {
  const logger = createLogger(options.name);
  try {
    const root = await options.module(logger);
    const app = await NestFactory.create<NestExpressApplication>(root, {
      logger: new NestPinoLogger(logger),
      bodyParser: false,
    });
    app.use(requestIdMiddleware);
    app.useBodyParser('json', { limit: options.bodyLimit ?? '1mb' });
    app.disable('x-powered-by');
    await options.configure?.(app, logger);
    installGracefulShutdown(app, logger);
    await app.listen(options.port, options.host ?? '0.0.0.0');
    logger.info({ url: await app.getUrl() }, `${options.name} listening`);
    return app;
  } catch (error) {
    logger.fatal({ err: error }, `${options.name} failed to start: ${(error as Error).message}`);
    // 78 = EX_CONFIG; supervisors show it as a configuration problem, not a crash.
    process.exit((error as { code?: string }).code === 'CONFIG.INVALID' ? 78 : 1);
  }
}

function installGracefulShutdown(app: INestApplication, logger: Logger): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: no new work, finishing in-flight work');
    app.get(Readiness).markShuttingDown();
    const deadline = setTimeout(() => {
      logger.error('shutdown took too long; exiting with work possibly returned to the queue');
      process.exit(1);
    }, Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 30_000));
    deadline.unref();
    try {
      await app.close(); // runs beforeApplicationShutdown/onModuleDestroy: consumers stop, connections close
      logger.info('shutdown complete');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * Loads configuration or stops the process with one JSON line naming every bad
 * variable (exit 78, EX_CONFIG), before anything connects anywhere.
 */
export function configOrExit<C>(service: string, load: () => C): C {
  try {
    return load();
  } catch (error) {
    const logger = createLogger(service);
    logger.fatal({ problems: (error as { problems?: unknown }).problems }, (error as Error).message);
    process.exit((error as { code?: string }).code === 'CONFIG.INVALID' ? 78 : 1);
  }
}
