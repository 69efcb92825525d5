import type { Logger } from '@imad/observability';
import type { Redis } from 'ioredis';
import type { Config } from './config';
import type { GitHost } from './core/githost.port';
import { LocalGitHost } from './local/local-githost';

/** The GitHost named by GITHOST, built from configuration. */
export function createGitHost(config: Config, _redis: Redis, _logger: Logger): GitHost {
  if (config.GITHOST === 'local') {
    return new LocalGitHost({ dataDir: config.DATA_DIR!, templateDir: config.TEMPLATE_DIR, gitHttpUrl: config.GIT_HTTP_URL });
  }
  throw new Error('GITHOST=github is not wired yet');
}
