import type { Provider } from '@nestjs/common';
import type { Logger } from '@imad/observability';
import { createRedis } from '@imad/redis';
import { StatusStore, systemClock } from '@imad/status';
import type { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { appUrl, type Config } from './config';
import { AppLock } from './core/app-lock';
import { RUNTIME, type Runtime } from './core/runtime.port';
import { AttemptBudget } from './deploy/attempt-budget';
import { DeployService } from './deploy/deploy.service';
import { StatusWriter } from './deploy/status-writer';
import { DeployerMetrics } from './metrics/deployer-metrics';
import { createRuntime } from './runtimes/create-runtime';

export const REDIS = Symbol('REDIS');

/** Transient failures the deployer allows a deploy before recording failed(internal); below MESSAGE_ATTEMPTS. */
const DEPLOY_ATTEMPTS = 6;

/** The deployer's object graph: ports bound to their adapters, built from configuration. */
export function deployerProviders(config: Config, logger: Logger): Provider[] {
  return [
    { provide: REDIS, useFactory: () => createRedis(config.REDIS_URL, 'deployer', logger) },
    { provide: StatusStore, useFactory: (redis: Redis) => new StatusStore(redis), inject: [REDIS] },
    { provide: DeployerMetrics, useFactory: (registry: Registry) => new DeployerMetrics(registry), inject: [Registry] },
    {
      provide: RUNTIME,
      useFactory: (redis: Redis, store: StatusStore, metrics: DeployerMetrics) => createRuntime(config, { redis, store, metrics, clock: systemClock, logger }),
      inject: [REDIS, StatusStore, DeployerMetrics],
    },
    {
      provide: StatusWriter,
      useFactory: (store: StatusStore, metrics: DeployerMetrics) =>
        new StatusWriter(store, metrics, systemClock, logger.child({ component: 'status' }), config.RUNTIME, (app) => appUrl(config, app)),
      inject: [StatusStore, DeployerMetrics],
    },
    {
      provide: DeployService,
      useFactory: (redis: Redis, store: StatusStore, status: StatusWriter, runtime: Runtime, metrics: DeployerMetrics) =>
        new DeployService({
          store,
          status,
          runtime,
          metrics,
          lock: new AppLock(redis),
          budget: new AttemptBudget(redis, DEPLOY_ATTEMPTS),
          clock: systemClock,
          logger: logger.child({ component: 'deploy' }),
        }),
      inject: [REDIS, StatusStore, StatusWriter, RUNTIME, DeployerMetrics],
    },
  ];
}
