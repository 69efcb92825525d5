import { Inject, Module, type OnApplicationShutdown, type Type } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { MessagingModule, Publisher } from '@imad/messaging';
import { ObservabilityModule, Readiness, type Logger } from '@imad/observability';
import { createRedis, isRedisReady } from '@imad/redis';
import { cookiePolicy, SessionStore } from '@imad/sessions';
import { ACCOUNT_STORE } from './accounts/account-store';
import { RedisAccountStore } from './accounts/redis-account-store';
import type { Config } from './config';
import { githubWiring } from './github/github.providers';
import { AuthMetrics } from './metrics';
import { LocalAuthService } from './local/local-auth.service';
import { LocalHttpController } from './local/local.http.controller';
import { PasswordHasher } from './local/password-hasher';
import { RateLimiter } from './local/rate-limiter';
import { MessagingUserEvents } from './registration/messaging-user-events';
import { RegistrationService } from './registration/registration.service';
import { USER_EVENTS } from './registration/user-events';
import { SessionStarter } from './session/session-starter';
import { ProvidersHttpController } from './session/providers.http.controller';
import { SessionHttpController } from './session/session.http.controller';
import { CONFIG, COOKIE_POLICY, REDIS } from './tokens';

export { REDIS } from './tokens';

export function createAppModule(config: Config, logger: Logger): Type<unknown> {
  const github = githubWiring(config, logger);

  @Module({
    imports: [ObservabilityModule.forService('auth', logger), MessagingModule.forRoot({ url: config.AMQP_URL, connectionName: 'auth' })],
    controllers: [LocalHttpController, SessionHttpController, ProvidersHttpController, ...(github.controllers as Type<unknown>[])],
    providers: [
      { provide: CONFIG, useValue: config },
      { provide: COOKIE_POLICY, useValue: cookiePolicy(config.PUBLIC_URL) },
      { provide: REDIS, useFactory: () => createRedis(config.REDIS_URL, 'auth', logger) },
      { provide: SessionStore, useFactory: (redis: Redis) => new SessionStore(redis, { idleTtlSeconds: config.SESSION_TTL_SECONDS }), inject: [REDIS] },
      { provide: ACCOUNT_STORE, useFactory: (redis: Redis) => new RedisAccountStore(redis), inject: [REDIS] },
      { provide: RateLimiter, useFactory: (redis: Redis) => new RateLimiter(redis), inject: [REDIS] },
      { provide: PasswordHasher, useValue: new PasswordHasher() },
      { provide: USER_EVENTS, useFactory: (publisher: Publisher) => new MessagingUserEvents(publisher), inject: [Publisher] },
      AuthMetrics,
      RegistrationService,
      SessionStarter,
      LocalAuthService,
      ...github.providers,
    ],
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
