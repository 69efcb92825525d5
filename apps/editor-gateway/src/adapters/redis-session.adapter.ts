import { checkCsrf, cookiePolicy, type CookiePolicy, type SessionStore } from '@imad/sessions';
import type { CsrfInput, SessionPort, StudentSession } from '../ports/session.port';

/** SessionPort over @imad/sessions: one Redis round trip per request (a Lua GET + sliding renewal). */
export class RedisSessionAdapter implements SessionPort {
  private readonly policy: CookiePolicy;

  constructor(
    private readonly store: Pick<SessionStore, 'resolveSession'>,
    publicUrl: string,
  ) {
    this.policy = cookiePolicy(publicUrl);
  }

  async resolve(cookieHeader: string | undefined): Promise<StudentSession | null> {
    const session = await this.store.resolveSession(cookieHeader, this.policy.names.session);
    if (!session) return null;
    const { userId, login, appName } = session.user;
    return { student: { userId, login, appName }, csrfHash: session.csrfHash };
  }

  checkCsrf(req: CsrfInput, session: StudentSession) {
    return checkCsrf(req, session, this.policy.origin, this.policy.names.csrf);
  }
}
