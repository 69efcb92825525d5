import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { readCookie, serializeCookie, sessionCookies, type CookiePolicy } from '@imad/sessions';
import type { Config } from '../config';
import { AuthErrors } from '../errors';
import { CONFIG, COOKIE_POLICY } from '../tokens';
import { GitHubSignInService, type CallbackQuery } from './github-signin.service';
import { STATE_TTL_SECONDS } from './oauth-state-store';

const BINDING_COOKIE = 'imad_oauth';

/** `GET /auth/github` → 302 to GitHub; `GET /auth/github/callback` → 302 into the IDE, or an error page. */
@Controller('auth/github')
export class GitHubHttpController {
  private readonly publicBase: string;

  constructor(
    @Inject(GitHubSignInService) private readonly signIn: GitHubSignInService,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(COOKIE_POLICY) private readonly cookies: CookiePolicy,
  ) {
    this.publicBase = config.PUBLIC_URL.replace(/\/+$/, '');
  }

  @Get()
  async start(@Query('returnTo') returnTo: string | undefined, @Res() res: Response): Promise<void> {
    this.requireGitHub();
    const { location, binding } = await this.signIn.begin(this.callbackUrl(), safeReturnTo(returnTo));
    res.setHeader('Set-Cookie', this.bindingCookie(binding, STATE_TTL_SECONDS));
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, location);
  }

  @Get('callback')
  async callback(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.requireGitHub();
    // The binding cookie is spent whatever happens next; set before any error page is sent.
    res.setHeader('Set-Cookie', this.bindingCookie('', 0));
    const cookies = { binding: readCookie(req.headers.cookie, this.bindingName()), session: readCookie(req.headers.cookie, this.cookies.names.session) };
    const { issued, returnTo } = await this.signIn.complete(pickStrings(query), cookies, this.callbackUrl());
    res.setHeader('Set-Cookie', [this.bindingCookie('', 0), ...sessionCookies(issued, this.cookies)]);
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, `${this.publicBase}${returnTo}`);
  }

  private requireGitHub(): void {
    if (this.config.AUTH_PROVIDER !== 'github') throw AuthErrors.providerDisabled('GitHub', 'your imad username and password');
  }

  /** Registered as the OAuth app's callback URL: on PUBLIC_URL, because the browser only sees the gateway. */
  private callbackUrl(): string {
    return `${this.publicBase}/auth/github/callback`;
  }

  /**
   * Under https the binding is a `__Host-` cookie (so on Path=/): a sibling subdomain could
   * otherwise plant an attacker's binding and complete their sign-in in a visitor's browser.
   */
  private bindingName(): string {
    return `${this.cookies.names.prefix}${BINDING_COOKIE}`;
  }

  private bindingCookie(value: string, maxAgeSeconds: number): string {
    const path = this.cookies.names.prefix ? '/' : `${this.cookies.path === '/' ? '' : this.cookies.path}/auth/github`;
    return serializeCookie(this.bindingName(), value, this.cookies, { maxAgeSeconds, httpOnly: true, path });
  }
}

/** Only a path on our own origin: never an open redirect. */
function safeReturnTo(value: string | undefined): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && value.length <= 500 ? value : '/';
}

/** Express parses `?code=a&code=b` into an array; only plain strings count. */
function pickStrings(query: Record<string, unknown>): CallbackQuery {
  const one = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { code: one(query.code), state: one(query.state), error: one(query.error) };
}
