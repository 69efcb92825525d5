import { Inject, Module, RequestMethod, type MiddlewareConsumer, type NestModule, type OnApplicationShutdown } from '@nestjs/common';
import { MessagingModule } from '@imad/messaging';
import { ObservabilityModule, Readiness, type Logger } from '@imad/observability';
import { isRedisReady } from '@imad/redis';
import type { Redis } from 'ioredis';
import { AuthProxyMiddleware } from './auth-proxy/auth-proxy.middleware';
import type { Config } from './config';
import { AccessLogMiddleware } from './http/access-log.middleware';
import type { LiveLimits } from './live/live-limits';
import { STATUS_STORE, type StatusPort } from './ports/status.port';
import { infrastructureProviders, REDIS } from './providers';
import { StaticIdeMiddleware } from './static/static-ide.middleware';
import { controllers, useCaseProviders } from './use-cases';

export interface GatewayModuleOptions {
  /** Shorter heartbeats etc. for tests. */
  liveLimits?: Partial<LiveLimits>;
}

export function createAppModule(config: Config, logger: Logger, options: GatewayModuleOptions = {}) {
  @Module({
    imports: [
      ObservabilityModule.forService('editor-gateway', logger),
      MessagingModule.forRoot({ url: config.AMQP_URL, connectionName: 'editor-gateway' }),
    ],
    controllers,
    providers: [...infrastructureProviders(config, logger, options.liveLimits ?? {}), ...useCaseProviders],
  })
  class AppModule implements NestModule, OnApplicationShutdown {
    constructor(
      @Inject(REDIS) private readonly redis: Redis,
      @Inject(STATUS_STORE) private readonly status: StatusPort & { close(): Promise<void> },
      @Inject(Readiness) readiness: Readiness,
    ) {
      readiness.register('redis', () => isRedisReady(redis));
    }

    /** Middleware that must see requests no controller takes: the /auth proxy and the IDE's files. */
    configure(consumer: MiddlewareConsumer): void {
      consumer.apply(AccessLogMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
      consumer.apply(AuthProxyMiddleware).forRoutes({ path: 'auth/{*path}', method: RequestMethod.ALL });
      consumer.apply(StaticIdeMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
    }

    async onApplicationShutdown() {
      await this.status.close().catch(() => undefined);
      await this.redis.quit().catch(() => undefined);
    }
  }
  return AppModule;
}
