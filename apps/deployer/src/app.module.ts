import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConsumerHost, MessagingModule, RpcServer } from '@imad/messaging';
import { LOGGER, ObservabilityModule, Readiness, type Logger } from '@imad/observability';
import { isRedisReady } from '@imad/redis';
import { StatusStore } from '@imad/status';
import type { Redis } from 'ioredis';
import type { Config } from './config';
import { RUNTIME, type Runtime } from './core/runtime.port';
import { DeployRequestConsumer } from './deploy/deploy-request.message-controller';
import { DeployService } from './deploy/deploy.service';
import { StatusWriter } from './deploy/status-writer';
import { deployerProviders, REDIS } from './deployer.providers';
import { DeployLogsRpc } from './logs/deploy-logs.rpc-controller';

export { REDIS } from './deployer.providers';

export function createAppModule(config: Config, logger: Logger) {
  @Module({
    imports: [
      ObservabilityModule.forService('deployer', logger),
      MessagingModule.forRoot({ url: config.AMQP_URL, connectionName: 'deployer', prefetch: config.PREFETCH }),
    ],
    providers: deployerProviders(config, logger),
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
