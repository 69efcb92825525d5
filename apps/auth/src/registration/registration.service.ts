import { Inject, Injectable, Optional } from '@nestjs/common';
import { LOGGER, type Logger } from '@imad/observability';
import type { Account } from '../accounts/account';
import { ACCOUNT_STORE, type AccountStore } from '../accounts/account-store';
import { AuthErrors } from '../errors';
import { AuthMetrics } from '../metrics';
import { USER_EVENTS, type UserEvents } from './user-events';

const LEASE_MS = 30_000;

/**
 * Announces a new student (`user.registered`, which makes `repo` provision their workspace)
 * exactly once. The account remembers when the broker confirmed it (`registeredAt`); a
 * short lease stops racing sign-ins from publishing twice. If publishing fails, sign-in
 * fails too (no session) and the next attempt publishes: a student never ends up signed
 * in without a workspace on the way. The message id is `user.registered:<userId>`, so a
 * consumer can drop the duplicate a crash between confirm and bookkeeping could cause.
 */
@Injectable()
export class RegistrationService {
  constructor(
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    @Inject(USER_EVENTS) private readonly events: UserEvents,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() @Inject(AuthMetrics) private readonly metrics?: AuthMetrics,
  ) {}

  async ensureRegistered(account: Account): Promise<void> {
    if (account.registeredAt) return;
    if (!(await this.accounts.claimRegistration(account.userId, LEASE_MS))) return; // a racing sign-in is publishing it
    try {
      const fresh = await this.accounts.get(account.userId);
      if (fresh?.registeredAt) return;
      const payload = { userId: account.userId, login: account.login, appName: account.appName, provider: account.provider };
      try {
        await this.events.userRegistered(payload, `user.registered:${account.userId}`);
      } catch (error) {
        throw AuthErrors.unavailable('finish setting up your account', error);
      }
      await this.accounts.markRegistered(account.userId, new Date().toISOString());
      this.metrics?.usersRegistered.inc({ provider: account.provider });
      this.logger.info({ userId: account.userId, appName: account.appName, provider: account.provider }, 'user registered');
    } finally {
      await this.accounts.releaseRegistration(account.userId);
    }
  }
}
