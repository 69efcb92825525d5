import { ForbiddenException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CSRF_COOKIE, CSRF_HEADER, readCookie } from './cookies';
import { constantTimeEqual, sha256Hex } from './secrets';
import type { StoredSession } from './types';

export const CSRF_ERROR_CODE = 'AUTH.CSRF_FAILED';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

export type CsrfResult = { ok: true } | { ok: false; reason: string };

/**
 * Double submit, bound to the session: a state-changing request must carry the `imad_csrf`
 * cookie's value in `x-csrf-token`, and that value must be the one issued with the session.
 * The binding matters here: student apps live on sibling subdomains and can plant cookies
 * for the parent domain, which defeats a plain cookie==header check. Origin and
 * Sec-Fetch-Site, when the browser sends them, must say "this origin" as well.
 */
export function checkCsrf(req: CsrfRequest, session: Pick<StoredSession, 'csrfHash'> | null | undefined, origin: string): CsrfResult {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return { ok: true };
  const sameOrigin = checkSameOrigin(req, origin);
  if (!sameOrigin.ok) return sameOrigin;
  const sent = header(req, CSRF_HEADER);
  const cookie = readCookie(header(req, 'cookie'), CSRF_COOKIE);
  if (!sent || !cookie) return { ok: false, reason: `missing CSRF token: send the ${CSRF_COOKIE} cookie's value in the ${CSRF_HEADER} header` };
  if (!constantTimeEqual(sent, cookie)) return { ok: false, reason: `${CSRF_HEADER} does not match the ${CSRF_COOKIE} cookie` };
  if (session && !constantTimeEqual(sha256Hex(sent), session.csrfHash)) return { ok: false, reason: 'CSRF token was not issued with this session' };
  return { ok: true };
}

/**
 * Refuses a request a browser says came from elsewhere (Origin, Sec-Fetch-Site). Requests
 * without those headers (older browsers, curl) pass: this is defence in depth, not the
 * token check. Also usable alone where no session exists yet (sign-in forms).
 */
export function checkSameOrigin(req: CsrfRequest, origin: string): CsrfResult {
  const sentOrigin = header(req, 'origin');
  if (sentOrigin !== undefined && sentOrigin !== origin) return { ok: false, reason: `request came from another origin (${sentOrigin})` };
  const site = header(req, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { ok: false, reason: `request came from a ${site} page` };
  return { ok: true };
}

export interface CsrfOptions {
  /** PUBLIC_URL: its origin is the only one allowed to change state. */
  publicUrl: string;
  /** The session the request already resolved (e.g. attached by the session middleware). */
  sessionOf: (req: Request) => Pick<StoredSession, 'csrfHash'> | null | undefined | Promise<Pick<StoredSession, 'csrfHash'> | null | undefined>;
}

const errorBody = (reason: string) => ({ error: { code: CSRF_ERROR_CODE, message: `Refused for your safety: ${reason}. Reload the page and try again.` } });

/** Express middleware: 403 `{ error: { code: 'AUTH.CSRF_FAILED', message } }` on failure. */
export function csrfProtection(options: CsrfOptions) {
  const origin = new URL(options.publicUrl).origin;
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const result = checkCsrf(req, await options.sessionOf(req), origin);
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
  constructor(private readonly options: CsrfOptions) {
    this.origin = new URL(options.publicUrl).origin;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const result = checkCsrf(req, await this.options.sessionOf(req), this.origin);
    if (!result.ok) throw new ForbiddenException(errorBody(result.reason));
    return true;
  }
}

function header(req: CsrfRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
