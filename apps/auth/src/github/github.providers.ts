import type { Provider } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from '@imad/observability';
import { TokenVault } from '@imad/token-vault';
import type { Config } from '../config';
import { GitHubDisabledHttpController } from './github-disabled.http.controller';
import { GITHUB_OAUTH } from './github-oauth';
import { GitHubSignInService } from './github-signin.service';
import { GitHubHttpController } from './github.http.controller';
import { OAuthStateStore } from './oauth-state-store';
import { OctokitGitHubOAuth } from './octokit-github-oauth';
import { REDIS } from '../tokens';

/** The GitHub sign-in wiring, present only with AUTH_PROVIDER=github (config guarantees its settings). */
export function githubWiring(config: Config, logger: Logger): { controllers: unknown[]; providers: Provider[] } {
  if (config.AUTH_PROVIDER !== 'github') return { controllers: [GitHubDisabledHttpController], providers: [] };
  return {
    controllers: [GitHubHttpController],
    providers: [
      GitHubSignInService,
      { provide: OAuthStateStore, useFactory: (redis: Redis) => new OAuthStateStore(redis), inject: [REDIS] },
      { provide: TokenVault, useFactory: (redis: Redis) => new TokenVault(redis, config.TOKEN_ENCRYPTION_KEYS!), inject: [REDIS] },
      {
        provide: GITHUB_OAUTH,
        useValue: new OctokitGitHubOAuth({
          clientId: config.GITHUB_CLIENT_ID!,
          clientSecret: config.GITHUB_CLIENT_SECRET!,
          baseUrl: config.GITHUB_BASE_URL,
          apiUrl: config.GITHUB_API_URL,
          timeoutMs: config.GITHUB_TIMEOUT_MS,
          logger,
        }),
      },
    ],
  };
}
