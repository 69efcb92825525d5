import type { Redis } from 'ioredis';
import { readCookie, SESSION_COOKIE } from './cookies';
import { RenewalMemory } from './renewal-memory';
import { withSessionCommands, type SessionCommands } from './scripts';
import { isWellFormedSecret, newSecret, sha256Hex } from './secrets';
import { parseStored } from './stored-session';
import type { IssuedSession, Session, SessionUser, StoredSession } from './types';

export const SESSION_PREFIX = 'imad:session:';
export const USER_SESSIONS_PREFIX = 'imad:user-sessions:';
const DAY_SECONDS = 86_400;

export interface SessionStoreOptions {
  /**
   * Idle timeout of sessions this store creates: unused this long, a session ends; each use
   * slides it forward. Stored in the session, so readers (the gateway) renew by the writer's
   * value whatever their own configuration says.
   */
  idleTtlSeconds: number;
  /** Absolute lifetime, however active the session (default: 30 days, at least the idle timeout). */
  maxLifetimeSeconds?: number;
  now?: () => number;
}

/** Sessions in Redis, keyed by the sha256 of the opaque id that only the cookie holds. */
export class SessionStore {
  private readonly redis: Redis & SessionCommands;
  private readonly idleMs: number;
  private readonly maxMs: number;
  private readonly now: () => number;
  private readonly renewals = new RenewalMemory();

  constructor(redis: Redis, options: SessionStoreOptions) {
    this.redis = withSessionCommands(redis);
    this.idleMs = options.idleTtlSeconds * 1000;
    this.maxMs = Math.max(options.maxLifetimeSeconds ?? 30 * DAY_SECONDS, options.idleTtlSeconds) * 1000;
    this.now = options.now ?? Date.now;
  }

  async create(user: SessionUser): Promise<IssuedSession> {
    const id = newSecret();
    const csrfToken = newSecret();
    const now = this.now();
    const stored: StoredSession = { user, createdAt: now, maxExpiresAt: now + this.maxMs, idleMs: this.idleMs, csrfHash: sha256Hex(csrfToken) };
    const hash = sha256Hex(id);
    const ttlMs = Math.min(this.idleMs, this.maxMs);
    await this.redis.imadSessionCreate(
      SESSION_PREFIX + hash,
      USER_SESSIONS_PREFIX + user.userId,
      JSON.stringify(stored),
      ttlMs,
      hash,
      stored.maxExpiresAt,
      SESSION_PREFIX,
    );
    this.renewals.remember(hash, now, this.idleMs);
    return { id, csrfToken, session: { ...stored, expiresAt: now + ttlMs }, maxAgeSeconds: this.maxMs / 1000 };
  }

  /**
   * The live session for an id (renewing its idle expiry when due), or null: unknown, expired,
   * ended or malformed. Always one round trip: a GET while this process saw the expiry set
   * recently (then `expiresAt` is a lower bound), else the renewal script.
   */
  async resolve(id: string | undefined): Promise<Session | null> {
    if (!isWellFormedSecret(id)) return null;
    const hash = sha256Hex(id);
    const now = this.now();
    const recent = this.renewals.recent(hash, now);
    if (recent) {
      const raw = await this.redis.get(SESSION_PREFIX + hash);
      const stored = raw === null ? null : parseStored(raw);
      if (!stored) this.renewals.forget(hash);
      return stored && { ...stored, expiresAt: Math.min(recent.setAt + recent.idleMs, stored.maxExpiresAt) };
    }
    const found = await this.redis.imadSessionResolve(SESSION_PREFIX + hash, now, this.idleMs);
    const stored = found ? parseStored(found[0]) : null;
    if (!found || !stored) {
      this.renewals.forget(hash);
      return null;
    }
    const ttl = Number(found[1]);
    const idleMs = stored.idleMs ?? this.idleMs;
    this.renewals.remember(hash, now + ttl - idleMs, idleMs);
    return { ...stored, expiresAt: now + ttl };
  }

  /**
   * `resolve` for a raw `Cookie` header: one Redis round trip, no call to `auth`. Pass the
   * policy's `names.session` (`__Host-imad_session` under https) so a planted plain
   * cookie is never read.
   */
  resolveSession(cookieHeader: string | undefined, cookieName = SESSION_COOKIE): Promise<Session | null> {
    return this.resolve(readCookie(cookieHeader, cookieName));
  }

  /** Ends one session. True if it was live. */
  async destroy(id: string | undefined): Promise<boolean> {
    if (!isWellFormedSecret(id)) return false;
    const hash = sha256Hex(id);
    this.renewals.forget(hash);
    const raw = await this.redis.getdel(SESSION_PREFIX + hash);
    const stored = raw === null ? null : parseStored(raw);
    if (stored) await this.redis.srem(USER_SESSIONS_PREFIX + stored.user.userId, hash);
    return raw !== null;
  }

  /** Ends every session of a user ("sign out everywhere"). Returns how many were live. */
  destroyAllForUser(userId: string): Promise<number> {
    return this.redis.imadSessionDestroyAll(USER_SESSIONS_PREFIX + userId, SESSION_PREFIX);
  }
}
