import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError } from '@imad/contracts';
import { checkCsrf, clearedSessionCookies, CSRF_ERROR_CODE, readCookie, SessionStore, type CookiePolicy } from '@imad/sessions';
import { AuthErrors } from '../errors';
import { COOKIE_POLICY } from '../tokens';

/** `GET /auth/session`, `POST /auth/signout`, `POST /auth/signout-all`. */
@Controller('auth')
export class SessionHttpController {
  constructor(
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(COOKIE_POLICY) private readonly cookies: CookiePolicy,
  ) {}

  @Get('session')
  async current(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    res.setHeader('Cache-Control', 'no-store');
    const session = await this.sessions.resolveSession(req.headers.cookie, this.cookies.names.session);
    if (!session) throw AuthErrors.noSession();
    return { user: session.user, expiresAt: new Date(session.expiresAt).toISOString() };
  }

  /** Ends this browser's session. Answers 204 even without one: the browser ends up signed out either way. */
  @Post('signout')
  @HttpCode(204)
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const session = await this.sessions.resolveSession(req.headers.cookie, this.cookies.names.session);
    if (session) this.requireCsrf(req, session);
    await this.sessions.destroy(readCookie(req.headers.cookie, this.cookies.names.session));
    res.setHeader('Set-Cookie', clearedSessionCookies(this.cookies));
  }

  /** Ends every session of the signed-in student, on every device. */
  @Post('signout-all')
  @HttpCode(204)
  async signOutEverywhere(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const session = await this.sessions.resolveSession(req.headers.cookie, this.cookies.names.session);
    if (!session) throw AuthErrors.noSession();
    this.requireCsrf(req, session);
    await this.sessions.destroyAllForUser(session.user.userId);
    res.setHeader('Set-Cookie', clearedSessionCookies(this.cookies));
  }

  private requireCsrf(req: Request, session: { csrfHash: string }): void {
    const check = checkCsrf(req, session, this.cookies.origin, this.cookies.names.csrf);
    if (!check.ok) throw new AppError(CSRF_ERROR_CODE, `Refused for your safety: ${check.reason}. Reload the page and try again.`);
  }
}
