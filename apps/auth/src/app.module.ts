import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ObservabilityModule, Readiness, type Logger } from '@imad/observability';
import { createRedis, isRedisReady } from '@imad/redis';
import type { Redis } from 'ioredis';
import type { Config } from './config';

export const REDIS = Symbol('REDIS');

export function createAppModule(config: Config, logger: Logger) {
  @Module({
    imports: [ObservabilityModule.forService('auth', logger)],
    providers: [{ provide: REDIS, useFactory: () => createRedis(config.REDIS_URL, 'auth', logger) }],
  })
  class AppModule implements OnApplicationShutdown {
    constructor(@Inject(REDIS) private readonly redis: Redis, @Inject(Readiness) readiness: Readiness) {
      readiness.register('redis', () => isRedisReady(redis));
    }
    async onApplicationShutdown() {
      await this.redis.quit().catch(() => undefined);
    }
  }
  return AppModule;
}
