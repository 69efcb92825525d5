import type { Request, Response } from 'express';
import { AppError } from '@imad/contracts';
import { currentContext, type Logger } from '@imad/observability';
import { statusOf } from '../errors';
import type { AuthMetrics } from '../metrics';
import { pageFor, renderErrorPage } from './error-page';

/**
 * Answers an error in the form the caller can use: JSON `{ error: { code, message, field?,
 * details? } }` for fetch/XHR (anything preferring JSON, including `*\/*`), a small HTML
 * page for a browser navigation (Accept prefers text/html).
 */
export interface ErrorSink {
  publicUrl: string;
  logger: Logger;
  metrics?: AuthMetrics;
}

export function sendError(req: Request, res: Response, error: AppError, sink: ErrorSink, status = statusOf(error.code)): void {
  const { publicUrl, logger } = sink;
  sink.metrics?.refusals.inc({ code: error.code, status: String(status) });
  const field = typeof error.details?.field === 'string' ? error.details.field : undefined;
  if (status >= 500) logger.error({ err: error.cause ?? error, code: error.code, status }, error.message);
  else logger.info({ code: error.code, status, path: req.path }, `refused: ${error.message}`);
  if (res.headersSent) return;
  const retryAfter = error.details?.retryAfterSeconds;
  if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
  res.setHeader('Cache-Control', 'no-store');
  if (req.accepts(['json', 'html']) === 'html') {
    const page = pageFor(error.code, publicUrl);
    res.status(status).type('html').send(renderErrorPage({ ...page, status, code: error.code, message: error.message, requestId: currentContext().requestId }));
    return;
  }
  res.status(status).json({ error: { code: error.code, message: error.message, ...(field ? { field } : {}), ...(error.details ? { details: error.details } : {}) } });
}
