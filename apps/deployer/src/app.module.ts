import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConsumerHost, MessagingModule, RpcServer } from '@imad/messaging';
import { LOGGER, ObservabilityModule, Readiness, type Logger } from '@imad/observability';
import { createRedis, isRedisReady } from '@imad/redis';
import { StatusStore, systemClock } from '@imad/status';
import type { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { appUrl, type Config } from './config';
import { AppLock } from './core/app-lock';
import { RUNTIME, type Runtime } from './core/runtime.port';
import { AttemptBudget } from './deploy/attempt-budget';
import { DeployRequestConsumer } from './deploy/deploy-request.message-controller';
import { DeployService } from './deploy/deploy.service';
import { StatusWriter } from './deploy/status-writer';
import { DeployLogsRpc } from './logs/deploy-logs.rpc-controller';
import { DeployerMetrics } from './metrics/deployer-metrics';
import { createRuntime } from './runtimes/create-runtime';

export const REDIS = Symbol('REDIS');
export const CONFIG = Symbol('CONFIG');

/** Handler attempts the deployer allows itself before recording failed(internal); below MESSAGE_ATTEMPTS. */
const DEPLOY_ATTEMPTS = 6;

export function createAppModule(config: Config, logger: Logger) {
  @Module({
    imports: [
      ObservabilityModule.forService('deployer', logger),
      MessagingModule.forRoot({ url: config.AMQP_URL, connectionName: 'deployer', prefetch: config.PREFETCH }),
    ],
    providers: [
      { provide: CONFIG, useValue: config },
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
    ],
  })
  class AppModule implements OnApplicationBootstrap, OnApplicationShutdown {
    constructor(
      @Inject(REDIS) private readonly redis: Redis,
      @Inject(StatusStore) private readonly store: StatusStore,
      @Inject(RUNTIME) private readonly runtime: Runtime,
      @Inject(StatusWriter) private readonly status: StatusWriter,
      @Inject(DeployService) private readonly deploys: DeployService,
      @Inject(ConsumerHost) private readonly consumers: ConsumerHost,
      @Inject(RpcServer) private readonly rpc: RpcServer,
      @Inject(Readiness) readiness: Readiness,
      @Inject(LOGGER) private readonly log: Logger,
    ) {
      readiness.register('redis', () => isRedisReady(redis));
    }

    /** Runtime first (re-launch, watches), then take work: no deploy waits on a cold runtime. */
    async onApplicationBootstrap() {
      await this.runtime.start(this.status);
      await new DeployRequestConsumer(this.consumers, this.deploys, config.DEPLOY_QUEUE, config.DEPLOY_RETRY_BACKOFF_MS).start();
      await new DeployLogsRpc(this.rpc, this.runtime).start();
      this.log.info({ runtime: this.runtime.kind, queue: config.DEPLOY_QUEUE, prefetch: config.PREFETCH }, 'deployer taking deploy requests');
    }

    /** Consumers were stopped before this (MessagingLifecycle.beforeApplicationShutdown). */
    async onApplicationShutdown() {
      await this.runtime.stop().catch((error) => this.log.error({ err: error }, 'runtime did not stop cleanly'));
      await this.store.close();
      await this.redis.quit().catch(() => undefined);
    }
  }
  return AppModule;
}
