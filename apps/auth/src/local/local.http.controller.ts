import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { checkSameOrigin, readCookie, sessionCookies, type CookiePolicy } from '@imad/sessions';
import type { Account } from '../accounts/account';
import type { Config } from '../config';
import { AuthErrors } from '../errors';
import { clientIp } from '../http/client-ip';
import { jsonBody } from '../http/json-body';
import { SessionStarter } from '../session/session-starter';
import { CONFIG, COOKIE_POLICY } from '../tokens';
import { signInSchema, signUpSchema } from './credentials';
import { LocalAuthService } from './local-auth.service';

/** `POST /auth/local/signup` → 201 `{ user }`, `POST /auth/local/signin` → 200 `{ user }`; both set the session cookies. */
@Controller('auth/local')
export class LocalHttpController {
  constructor(
    @Inject(LocalAuthService) private readonly local: LocalAuthService,
    @Inject(SessionStarter) private readonly starter: SessionStarter,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(COOKIE_POLICY) private readonly cookies: CookiePolicy,
  ) {}

  @Post('signup')
  @HttpCode(201)
  async signUp(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    this.guard(req);
    const account = await this.local.signUp(jsonBody(req, signUpSchema), clientIp(req));
    return this.startSession(account, req, res);
  }

  @Post('signin')
  @HttpCode(200)
  async signIn(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    this.guard(req);
    const account = await this.local.signIn(jsonBody(req, signInSchema), clientIp(req));
    return this.startSession(account, req, res);
  }

  private guard(req: Request): void {
    if (this.config.AUTH_PROVIDER !== 'local') throw AuthErrors.providerDisabled('a username and password', 'Sign in with GitHub');
    // No session exists yet to bind a CSRF token to; JSON-only bodies plus this keep
    // other sites from signing a student into an account of theirs.
    const origin = checkSameOrigin(req, this.cookies.origin);
    if (!origin.ok) throw AuthErrors.originRefused(origin.reason);
  }

  private async startSession(account: Account, req: Request, res: Response) {
    const issued = await this.starter.start(account, readCookie(req.headers.cookie, this.cookies.names.session));
    res.setHeader('Set-Cookie', sessionCookies(issued, this.cookies));
    res.setHeader('Cache-Control', 'no-store');
    return { user: issued.session.user };
  }
}
