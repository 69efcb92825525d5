import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type Logger } from '@imad/observability';
import type { Account } from '../accounts/account';
import { ACCOUNT_STORE, type AccountStore } from '../accounts/account-store';
import { appNameCandidates } from '../accounts/app-name';
import { AuthErrors } from '../errors';
import type { Credentials } from './credentials';
import { LOCAL_LIMITS } from './limits';
import { PasswordHasher } from './password-hasher';
import { RateLimiter, type RateLimit } from './rate-limiter';

/** Local accounts (the embedded default): username + scrypt password. */
@Injectable()
export class LocalAuthService {
  constructor(
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async signUp(credentials: Credentials, ip: string): Promise<Account> {
    await this.limit('ip', ip, LOCAL_LIMITS.perIp);
    const passwordHash = await this.hasher.hash(credentials.password);
    const identity = { provider: 'local' as const, username: credentials.username.toLowerCase() };
    const result = await this.accounts.create(identity, { login: credentials.username, passwordHash }, appNameCandidates(credentials.username), 'create-only');
    // Sign-up must say a name is taken; that is not a leak, app URLs are public anyway.
    if (result.outcome === 'taken') throw AuthErrors.usernameTaken();
    this.logger.info({ userId: result.account.userId, appName: result.account.appName }, 'local account created');
    return result.account;
  }

  /** Same answer, and about the same time, for an unknown user and a wrong password. */
  async signIn(credentials: Credentials, ip: string): Promise<Account> {
    const username = credentials.username.toLowerCase();
    await this.limit('ip', ip, LOCAL_LIMITS.perIp);
    await this.limit('user', username, LOCAL_LIMITS.perUsername);
    const account = await this.accounts.find({ provider: 'local', username });
    const ok = account?.passwordHash ? await this.hasher.verify(credentials.password, account.passwordHash) : await this.hasher.verifyNobody(credentials.password);
    if (!ok || !account) throw AuthErrors.invalidCredentials();
    await this.limiter.reset('user', username);
    return account;
  }

  private async limit(scope: string, subject: string, rule: RateLimit): Promise<void> {
    const decision = await this.limiter.hit(scope, subject, rule);
    if (!decision.allowed) {
      this.logger.warn({ scope, retryAfterSeconds: decision.retryAfterSeconds }, 'attempt limit reached');
      throw AuthErrors.rateLimited(decision.retryAfterSeconds);
    }
  }
}
