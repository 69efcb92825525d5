import { Inject, Module, RequestMethod, type MiddlewareConsumer, type NestModule, type OnApplicationShutdown } from '@nestjs/common';
import { MessagingModule } from '@imad/messaging';
import { ObservabilityModule, Readiness, type Logger } from '@imad/observability';
import { isRedisReady } from '@imad/redis';
import type { Redis } from 'ioredis';
import { ReadLogsHttpController } from './app-logs/read-logs/read-logs.http.controller';
import { ReadLogsService } from './app-logs/read-logs/read-logs.service';
import { AuthProxyMiddleware } from './auth-proxy/auth-proxy.middleware';
import type { Config } from './config';
import { DeployEnqueuer } from './deploys/deploy-enqueuer';
import { ListDeploysHttpController } from './deploys/list-deploys/list-deploys.http.controller';
import { RequestDeployHttpController } from './deploys/request-deploy/request-deploy.http.controller';
import { RequestDeployService } from './deploys/request-deploy/request-deploy.service';
import { UndeployHttpController } from './deploys/undeploy/undeploy.http.controller';
import { UndeployService } from './deploys/undeploy/undeploy.service';
import { AccessLogMiddleware } from './http/access-log.middleware';
import type { LiveLimits } from './live/live-limits';
import { LiveServer } from './live/live.server';
import { GetMeHttpController } from './me/get-me.http.controller';
import { STATUS_STORE, type StatusPort } from './ports/status.port';
import { infrastructureProviders, REDIS } from './providers';
import { SaveBudget } from './rate-limit/save-budget';
import { StaticIdeMiddleware } from './static/static-ide.middleware';
import { DiffHttpController } from './workspace/diff/diff.http.controller';
import { HistoryHttpController } from './workspace/history/history.http.controller';
import { ReadFileHttpController } from './workspace/read-file/read-file.http.controller';
import { ReadTreeHttpController } from './workspace/read-tree/read-tree.http.controller';
import { RevertHttpController } from './workspace/revert/revert.http.controller';
import { RevertService } from './workspace/revert/revert.service';
import { SaveCommitHttpController } from './workspace/save-commit/save-commit.http.controller';
import { SaveCommitService } from './workspace/save-commit/save-commit.service';

export interface GatewayModuleOptions {
  /** Shorter heartbeats etc. for tests and the benchmark. */
  liveLimits?: Partial<LiveLimits>;
}

export function createAppModule(config: Config, logger: Logger, options: GatewayModuleOptions = {}) {
  @Module({
    imports: [
      ObservabilityModule.forService('editor-gateway', logger),
      MessagingModule.forRoot({ url: config.AMQP_URL, connectionName: 'editor-gateway' }),
    ],
    controllers: [
      GetMeHttpController,
      ReadTreeHttpController,
      ReadFileHttpController,
      SaveCommitHttpController,
      HistoryHttpController,
      DiffHttpController,
      RevertHttpController,
      RequestDeployHttpController,
      ListDeploysHttpController,
      UndeployHttpController,
      ReadLogsHttpController,
    ],
    providers: [
      ...infrastructureProviders(config, logger, options.liveLimits ?? {}),
      SaveBudget,
      SaveCommitService,
      RevertService,
      DeployEnqueuer,
      RequestDeployService,
      UndeployService,
      ReadLogsService,
      LiveServer,
    ],
  })
  class AppModule implements NestModule, OnApplicationShutdown {
    constructor(
      @Inject(REDIS) private readonly redis: Redis,
      @Inject(STATUS_STORE) private readonly status: StatusPort & { close(): Promise<void> },
      @Inject(Readiness) readiness: Readiness,
    ) {
      readiness.register('redis', () => isRedisReady(redis));
    }

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
