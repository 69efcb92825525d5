import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from '@imad/observability';
import { cookiePolicy } from '@imad/sessions';
import type { Config } from '../config';
import { AuthMetrics } from '../metrics';
import { bodyErrorHandler } from './body-errors';
import { HttpErrorFilter } from './error.filter';

/** Auth's bodies are two short strings; anything bigger than this is refused with 413 unread. */
export const AUTH_BODY_LIMIT = '16kb';

/** HTTP set-up shared by main.ts and the integration tests. */
export function configureHttp(app: NestExpressApplication, config: Config, logger: Logger): void {
  // The gateway (by default: loopback or a private pod address) forwards X-Forwarded-For; nobody else is believed.
  app.set('trust proxy', config.TRUSTED_PROXIES);
  const cookies = cookiePolicy(config.PUBLIC_URL);
  if (cookies.secure && !cookies.names.prefix) {
    logger.warn({ publicUrl: config.PUBLIC_URL }, 'PUBLIC_URL has a path, so session cookies cannot be __Host- cookies and student apps on sibling subdomains could plant one; serve the IDE at the root of its own host');
  }
  const sink = { publicUrl: config.PUBLIC_URL, logger, metrics: app.get(AuthMetrics) };
  app.use(bodyErrorHandler(sink));
  app.useGlobalFilters(new HttpErrorFilter(sink));
}
