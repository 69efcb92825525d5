import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { LOGGER, type Logger } from '@imad/observability';
import type { NextFunction, Request, Response } from 'express';

const PROBES = /^\/(healthz|readyz|metrics)$/;

/**
 * One JSON line per request, written when the answer is sent; it carries the request id
 * (and the user and app once the session guard resolved them) from the async context.
 * Probes and scrapes go to debug so they do not drown the rest.
 */
@Injectable()
export class AccessLogMiddleware implements NestMiddleware {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const started = performance.now();
    const path = req.originalUrl.split('?')[0] ?? '/';
    res.on('finish', () => {
      const entry = { method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) };
      if (PROBES.test(path)) this.logger.debug(entry, 'request');
      else this.logger.info(entry, 'request');
    });
    next();
  }
}
