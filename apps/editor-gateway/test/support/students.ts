import { randomBytes } from 'node:crypto';
import { CSRF_COOKIE, SESSION_COOKIE, SessionStore } from '@imad/sessions';
import { uniqueName } from '@imad/testing';
import type { Redis } from 'ioredis';

export interface SignedIn {
  userId: string;
  login: string;
  appName: string;
  cookie: string;
  csrf: string;
  /** Headers of a state-changing call from the IDE: cookies, CSRF token, JSON. */
  write: Record<string, string>;
  /** Headers of a read. */
  read: Record<string, string>;
}

/** A student with a real session in Redis, written exactly as `auth` writes it (@imad/sessions). */
export async function signIn(redis: Redis, options: { idleTtlSeconds?: number } = {}): Promise<SignedIn> {
  const appName = uniqueName('gw');
  const userId = `u_${randomBytes(8).toString('hex')}`;
  const login = appName;
  const store = new SessionStore(redis, { idleTtlSeconds: options.idleTtlSeconds ?? 600 });
  const issued = await store.create({ userId, login, appName, provider: 'local' });
  const cookie = `${SESSION_COOKIE}=${issued.id}; ${CSRF_COOKIE}=${issued.csrfToken}`;
  return {
    userId,
    login,
    appName,
    cookie,
    csrf: issued.csrfToken,
    read: { cookie },
    write: { cookie, 'x-csrf-token': issued.csrfToken, 'content-type': 'application/json' },
  };
}
