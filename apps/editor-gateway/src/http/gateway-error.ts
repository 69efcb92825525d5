import { AppError } from '@imad/contracts';

/** What every failed `/api` call answers: a stable code, a sentence, and the field at fault. */
export interface ErrorResponseBody {
  error: { code: string; message: string; field?: string; details?: Record<string, unknown> };
}

/**
 * An expected HTTP failure raised by the gateway itself (validation, session, CSRF,
 * rate limit). It is an AppError so the code survives logging the same way as errors
 * that came back over RPC; the status and extra headers are HTTP-only concerns.
 */
export class GatewayError extends AppError {
  readonly field?: string;
  readonly headers: Record<string, string>;

  constructor(
    readonly status: number,
    code: string,
    message: string,
    options: { field?: string; details?: Record<string, unknown>; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(code, message, options.details, { cause: options.cause });
    this.name = 'GatewayError';
    this.field = options.field;
    this.headers = options.headers ?? {};
  }

  body(): ErrorResponseBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}
