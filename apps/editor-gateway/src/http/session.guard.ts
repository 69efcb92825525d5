import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { enrichContext } from '@imad/observability';
import { CSRF_ERROR_CODE, SESSION_COOKIE } from '@imad/sessions';
import type { Request } from 'express';
import { SESSION_PORT, type SessionPort, type Student } from '../ports/session.port';
import { GatewayError } from './gateway-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type StudentRequest = Request & { student?: Student };

/**
 * Registered globally, so an `/api` route cannot forget it: a session is required on
 * every `/api` call (401), and a session-bound CSRF token on every state-changing one
 * (403). Routes outside `/api` (health, metrics) pass through untouched.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(@Inject(SESSION_PORT) private readonly sessions: SessionPort) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<StudentRequest>();
    if (!req.path.startsWith('/api/')) return true;
    const session = await this.sessions.resolve(req.headers.cookie);
    if (!session) {
      const message = req.headers.cookie?.includes(`${SESSION_COOKIE}=`)
        ? 'Your session has expired. Sign in again; your unsaved edits are kept in this browser.'
        : 'You are not signed in. Sign in to reach your workspace.';
      throw new GatewayError(401, 'AUTH.SESSION_EXPIRED', message);
    }
    const csrf = SAFE_METHODS.has(req.method) ? { ok: true as const } : this.sessions.checkCsrf(req, session);
    if (!csrf.ok) {
      throw new GatewayError(403, CSRF_ERROR_CODE, `Refused for your safety: ${csrf.reason}. Reload the page and try again.`, { field: 'x-csrf-token' });
    }
    req.student = session.student;
    enrichContext({ userId: session.student.userId, app: session.student.appName });
    return true;
  }
}
