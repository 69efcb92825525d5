import { ArgumentsHost, Catch, HttpException, Inject, type ExceptionFilter } from '@nestjs/common';
import { isAppError } from '@imad/contracts';
import { currentContext, LOGGER, type Logger } from '@imad/observability';
import type { Request, Response } from 'express';
import { statusForAppError } from './app-error-status';
import { GatewayError } from './gateway-error';
import { fromHttpException } from './http-exception-code';

/**
 * The single place errors become HTTP answers, so every failure the browser sees has
 * the same shape `{ error: { code, message, field?, details? } }` — including Nest's own
 * (unknown route, malformed JSON, body too large) — and nothing internal leaks in a 500.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request>();
    const error = this.toGatewayError(exception);
    const log = { code: error.code, status: error.status, method: req.method, path: req.path, field: error.field };
    // A refusal is the client's doing (info, no stack); a 5xx is ours and needs the cause.
    if (error.status >= 500) this.logger.error({ ...log, err: exception }, `request failed: ${error.code}`);
    else this.logger.info(log, `request refused: ${error.code}`);
    if (res.headersSent) {
      res.end();
      return;
    }
    for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
    res.status(error.status).json(error.body());
  }

  private toGatewayError(exception: unknown): GatewayError {
    if (exception instanceof GatewayError) return exception;
    if (isAppError(exception)) {
      // Errors from other services keep their code; a `field` in details is lifted up.
      const { field, ...rest } = exception.details ?? {};
      return new GatewayError(statusForAppError(exception.code), exception.code, exception.message, {
        field: typeof field === 'string' ? field : undefined,
        details: Object.keys(rest).length ? rest : undefined,
        cause: exception,
      });
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    const requestId = currentContext().requestId;
    return new GatewayError(500, 'INTERNAL', `Something went wrong on our side; please try again (request id ${requestId ?? 'unknown'}).`, {
      cause: exception,
    });
  }
}
