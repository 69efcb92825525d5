import type { NextFunction, Request, Response } from 'express';
import { AppError } from '@imad/contracts';
import { sendError, type ErrorSink } from './send-error';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * Express error handler for what the JSON body parser refuses before any route runs
 * (too large → 413, not JSON → 400 saying where, unsupported charset → 415).
 */
export function bodyErrorHandler(sink: ErrorSink) {
  return (err: BodyParserError, req: Request, res: Response, next: NextFunction): void => {
    const error = toAppError(err);
    if (!error) return next(err);
    sendError(req, res, error, sink);
  };
}

function toAppError(err: BodyParserError): AppError | undefined {
  switch (err.type) {
    case 'entity.too.large':
      return new AppError('REQUEST.TOO_LARGE', `The request body is larger than the ${err.limit} bytes accepted here.`, { limit: err.limit });
    case 'entity.parse.failed':
      return new AppError('REQUEST.MALFORMED_JSON', `The request body is not valid JSON: ${err.message}.`);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError('REQUEST.UNSUPPORTED_MEDIA_TYPE', `${err.message}; send UTF-8 JSON.`);
    default:
      // Other body-parser refusals (aborted upload, bad length) are the client's too.
      return err.type && (err.status ?? 500) < 500 ? new AppError('REQUEST.INVALID', `${err.message}.`) : undefined;
  }
}
