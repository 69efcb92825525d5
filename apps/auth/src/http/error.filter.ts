import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, isAppError } from '@imad/contracts';
import { sendError, type ErrorSink } from './send-error';

/** Turns anything a handler throws into the browser-facing error shape (JSON or page). */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly sink: ErrorSink) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const { error, status } = toAppError(exception);
    sendError(req, res, error, this.sink, status);
  }
}

function toAppError(exception: unknown): { error: AppError; status?: number } {
  if (isAppError(exception)) return { error: exception };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse() as { error?: { code?: string; message?: string } };
    const code = body?.error?.code ?? (status === 404 ? 'REQUEST.NOT_FOUND' : `REQUEST.HTTP_${status}`);
    return { error: new AppError(code, body?.error?.message ?? exception.message), status };
  }
  return { error: new AppError('AUTH.INTERNAL', 'Something went wrong on our side. Please try again.', undefined, { cause: exception }), status: 500 };
}
