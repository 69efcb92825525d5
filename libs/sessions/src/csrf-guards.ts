import { ForbiddenException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { cookiePolicy } from './cookies';
import { checkCsrf, CSRF_ERROR_CODE } from './csrf';
import type { StoredSession } from './types';

export interface CsrfOptions {
  /** PUBLIC_URL: its origin is the only one allowed to change state. */
  publicUrl: string;
  /** The session the request already resolved (e.g. attached by the session middleware). */
  sessionOf: (req: Request) => Pick<StoredSession, 'csrfHash'> | null | undefined | Promise<Pick<StoredSession, 'csrfHash'> | null | undefined>;
}

const errorBody = (reason: string) => ({ error: { code: CSRF_ERROR_CODE, message: `Refused for your safety: ${reason}. Reload the page and try again.` } });

/** Express middleware: 403 `{ error: { code: 'AUTH.CSRF_FAILED', message } }` on failure. */
export function csrfProtection(options: CsrfOptions) {
  const { origin, names } = cookiePolicy(options.publicUrl);
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const result = checkCsrf(req, await options.sessionOf(req), origin, names.csrf);
      if (result.ok) next();
      else res.status(403).json(errorBody(result.reason));
    } catch (error) {
      next(error);
    }
  };
}

/** Nest guard with the same check: `@UseGuards(new CsrfGuard({ publicUrl, sessionOf }))`. */
export class CsrfGuard implements CanActivate {
  private readonly origin: string;
  private readonly csrfCookie: string;
  constructor(private readonly options: CsrfOptions) {
    const policy = cookiePolicy(options.publicUrl);
    this.origin = policy.origin;
    this.csrfCookie = policy.names.csrf;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const result = checkCsrf(req, await this.options.sessionOf(req), this.origin, this.csrfCookie);
    if (!result.ok) throw new ForbiddenException(errorBody(result.reason));
    return true;
  }
}
