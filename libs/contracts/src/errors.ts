/**
 * An error that crosses service boundaries: a stable code (`REPO.CONFLICT`), a message
 * a person can act on, and optional details (e.g. the field at fault, conflicting files).
 * Expected failures are returned or thrown as AppError; anything else is a bug.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }

  toJSON(): ErrorBody {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }

  static fromJSON(body: ErrorBody): AppError {
    return new AppError(body.code, body.message, body.details);
  }
}

export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
