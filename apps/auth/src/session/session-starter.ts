import { Inject, Injectable } from '@nestjs/common';
import { enrichContext } from '@imad/observability';
import { SessionStore, type IssuedSession } from '@imad/sessions';
import type { Account } from '../accounts/account';
import { AuthMetrics } from '../metrics';
import { RegistrationService } from '../registration/registration.service';

/**
 * The last step of every sign-in: make sure the student is announced (user.registered),
 * then start their session. Nothing here runs before the credentials are proven.
 */
@Injectable()
export class SessionStarter {
  constructor(
    @Inject(RegistrationService) private readonly registration: RegistrationService,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(AuthMetrics) private readonly metrics: AuthMetrics,
  ) {}

  /** `previousId`: the browser's current session cookie, ended so a sign-in never leaves an orphan behind. */
  async start(account: Account, previousId?: string): Promise<IssuedSession> {
    enrichContext({ userId: account.userId });
    await this.registration.ensureRegistered(account);
    await this.sessions.destroy(previousId);
    const issued = await this.sessions.create({ userId: account.userId, login: account.login, appName: account.appName, provider: account.provider });
    this.metrics.sessionsStarted.inc({ provider: account.provider });
    return issued;
  }
}
