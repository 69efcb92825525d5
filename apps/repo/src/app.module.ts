import { Inject, Module, type OnApplicationShutdown, type OnModuleInit, type Provider, type Type } from '@nestjs/common';
import { MessagingModule, Publisher } from '@imad/messaging';
import { LOGGER, ObservabilityModule, Readiness, type Logger } from '@imad/observability';
import { createRedis, isRedisReady } from '@imad/redis';
import type { Redis } from 'ioredis';
import type { Config } from './config';
import { GITHOST, type GitHost } from './core/githost.port';
import { ProvisionWorkspace } from './core/provision-workspace';
import { RepoService } from './core/repo.service';
import { GitHttpController, GIT_HTTP_OPTIONS } from './git-http/git-http.controller';
import { createGitHost } from './githost.factory';
import { LocalGitHost } from './local/local-githost';
import { RepoRpcHandlers } from './rpc/repo-rpc.handlers';
import { UserRegisteredConsumer } from './rpc/user-registered.consumer';
import { RedisWorkspaceRegistry } from './workspace/redis-workspace-registry';
import { WORKSPACE_REGISTRY, type WorkspaceRegistry } from './workspace/workspace-registry';

export const REDIS = Symbol('REDIS');

/** For tests: swap the GitHost (e.g. the GitHub adapter against recorded responses). */
export interface AppModuleOverrides {
  gitHost?: (redis: Redis, logger: Logger) => GitHost;
}

export function createAppModule(config: Config, logger: Logger, overrides: AppModuleOverrides = {}): Type<unknown> {
  const providers: Provider[] = [
    { provide: REDIS, useFactory: () => createRedis(config.REDIS_URL, 'repo', logger) },
    { provide: GITHOST, useFactory: (redis: Redis) => (overrides.gitHost ?? ((r: Redis) => createGitHost(config, r, logger)))(redis, logger), inject: [REDIS] },
    { provide: WORKSPACE_REGISTRY, useFactory: (redis: Redis) => new RedisWorkspaceRegistry(redis), inject: [REDIS] },
    {
      provide: RepoService,
      useFactory: (host: GitHost, registry: WorkspaceRegistry) =>
        new RepoService(host, registry, { maxFileBytes: config.MAX_FILE_BYTES, maxFilesPerCommit: config.MAX_FILES_PER_COMMIT }),
      inject: [GITHOST, WORKSPACE_REGISTRY],
    },
    { provide: ProvisionWorkspace, useFactory: (s: RepoService, p: Publisher, l: Logger) => new ProvisionWorkspace(s, p, l), inject: [RepoService, Publisher, LOGGER] },
    RepoRpcHandlers,
    UserRegisteredConsumer,
  ];
  const local = config.GITHOST === 'local';
  if (local) providers.push({ provide: GIT_HTTP_OPTIONS, useValue: { reposDir: `${config.DATA_DIR}/repos`, readSecret: config.GIT_READ_SECRET } });

  @Module({
    imports: [ObservabilityModule.forService('repo', logger), MessagingModule.forRoot({ url: config.AMQP_URL, connectionName: 'repo' })],
    controllers: local ? [GitHttpController] : [],
    providers,
  })
  class RepoAppModule implements OnModuleInit, OnApplicationShutdown {
    constructor(
      @Inject(REDIS) private readonly redis: Redis,
      @Inject(GITHOST) private readonly host: GitHost,
      @Inject(Readiness) readiness: Readiness,
    ) {
      readiness.register('redis', () => isRedisReady(redis));
    }

    /** The local host imports the course template before the first request is taken. */
    async onModuleInit() {
      if (this.host instanceof LocalGitHost) await this.host.start();
    }

    async onApplicationShutdown() {
      await this.redis.quit().catch(() => undefined);
    }
  }

  return RepoAppModule;
}
