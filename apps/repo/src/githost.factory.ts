import type { Logger } from '@imad/observability';
import { TokenVault } from '@imad/token-vault';
import type { Redis } from 'ioredis';
import type { Config } from './config';
import type { GitHost } from './core/githost.port';
import { GitHubGitHost } from './github/github-githost';
import { VaultTokens } from './github/github-tokens';
import { GitHubClients } from './github/octokit-factory';
import { LocalGitHost } from './local/local-githost';

/** The GitHost named by GITHOST, built from configuration (config.ts guarantees what each needs). */
export function createGitHost(config: Config, redis: Redis, logger: Logger): GitHost {
  if (config.GITHOST === 'local') {
    return new LocalGitHost({ dataDir: config.DATA_DIR!, templateDir: config.TEMPLATE_DIR, gitHttpUrl: config.GIT_HTTP_URL });
  }
  const clients = new GitHubClients({
    baseUrl: config.GITHUB_API_URL,
    timeoutMs: config.GITHUB_REQUEST_TIMEOUT_MS,
    maxRateLimitWaitSeconds: 60,
    retryAfterBaseValue: 1000,
    retries: 2,
    logger: logger.child({ component: 'github' }),
  });
  return new GitHubGitHost({
    clients,
    tokens: new VaultTokens(new TokenVault(redis, config.TOKEN_ENCRYPTION_KEYS!)),
    templateRepo: config.GITHUB_TEMPLATE_REPO!,
    logger: logger.child({ component: 'github' }),
  });
}
