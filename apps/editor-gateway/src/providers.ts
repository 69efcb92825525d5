import type { Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { Publisher, RpcClient } from '@imad/messaging';
import type { Logger } from '@imad/observability';
import { createRedis } from '@imad/redis';
import { SessionStore } from '@imad/sessions';
import { StatusStore } from '@imad/status';
import type { Redis } from 'ioredis';
import { RedisSessionAdapter } from './adapters/redis-session.adapter';
import { STUDENT_LOCK, StudentLock } from './deploys/student-lock';
import type { Config } from './config';
import { APP_CONFIG } from './config.token';
import { ErrorFilter } from './http/error.filter';
import { SessionGuard } from './http/session.guard';
import { DEFAULT_LIVE_LIMITS, LIVE_LIMITS, type LiveLimits } from './live/live-limits';
import { DEPLOY_QUEUE } from './ports/deploy-queue.port';
import { RPC_CLIENT } from './ports/rpc.port';
import { SESSION_PORT } from './ports/session.port';
import { STATUS_STORE } from './ports/status.port';
import { RATE_LIMITER, RateLimiter } from './rate-limit/rate-limiter';

export const REDIS = Symbol('REDIS');

/** The edges of the gateway: ports bound to Redis and RabbitMQ, plus the global guard and filter. */
export function infrastructureProviders(config: Config, logger: Logger, liveLimits: Partial<LiveLimits>): Provider[] {
  return [
    { provide: APP_CONFIG, useValue: config },
    { provide: REDIS, useFactory: () => createRedis(config.REDIS_URL, 'editor-gateway', logger) },
    {
      provide: SESSION_PORT,
      useFactory: (redis: Redis) => new RedisSessionAdapter(new SessionStore(redis, { idleTtlSeconds: config.SESSION_TTL_SECONDS }), config.PUBLIC_URL),
      inject: [REDIS],
    },
    // One store per process: its single subscriber connection serves every socket.
    { provide: STATUS_STORE, useFactory: (redis: Redis) => new StatusStore(redis), inject: [REDIS] },
    {
      provide: RATE_LIMITER,
      useFactory: (redis: Redis) => new RateLimiter(redis, { deploy: config.DEPLOY_RATE_PER_MINUTE, save: config.SAVE_RATE_PER_MINUTE }),
      inject: [REDIS],
    },
    { provide: STUDENT_LOCK, useFactory: (redis: Redis) => new StudentLock(redis), inject: [REDIS] },
    { provide: RPC_CLIENT, useExisting: RpcClient },
    { provide: DEPLOY_QUEUE, useExisting: Publisher },
    { provide: LIVE_LIMITS, useValue: { ...DEFAULT_LIVE_LIMITS, ...liveLimits } },
    { provide: APP_GUARD, useClass: SessionGuard },
    { provide: APP_FILTER, useClass: ErrorFilter },
  ];
}
