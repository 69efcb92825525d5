/**
 * @imad/sessions — browser sessions in Redis, shared by `auth` (writes) and the gateway (reads).
 *
 * ```ts
 * const sessions = new SessionStore(redis, { idleTtlSeconds: config.SESSION_TTL_SECONDS });
 * const policy = cookiePolicy(config.PUBLIC_URL);           // Secure iff https, Path from the URL
 *
 * // gateway, per request: one Redis round trip, no RPC — a plain GET while this process saw the
 * // expiry set within the last minute, else a Lua GET + sliding renewal
 * const session = await sessions.resolveSession(req.headers.cookie);
 * if (!session) return 401;                                  // no cookie, tampered, expired, signed out
 * session.user  // { userId, login, appName, provider }
 *
 * // gateway, state-changing routes (POST/PUT/PATCH/DELETE): session-bound double submit
 * app.use('/api', csrfProtection({ publicUrl, sessionOf: (req) => req.session }));   // Express
 * @UseGuards(new CsrfGuard({ publicUrl, sessionOf: (req) => req.session }))         // Nest
 * // or checkCsrf(req, session, origin) → { ok } | { ok: false, reason }
 * // checkSameOrigin(req, origin): Origin / Sec-Fetch-Site only, for routes without a session yet
 *
 * // auth
 * const issued = await sessions.create(user);   // { id, csrfToken, session, maxAgeSeconds }
 * res.setHeader('Set-Cookie', sessionCookies(issued, policy));
 * await sessions.destroy(readCookie(req.headers.cookie, SESSION_COOKIE));
 * await sessions.destroyAllForUser(userId);     // sign out everywhere
 * res.setHeader('Set-Cookie', clearedSessionCookies(policy));
 * ```
 *
 * Cookies: `imad_session` = 32 random bytes (base64url), HttpOnly; `imad_csrf` = another
 * 32 random bytes, readable by the IDE's script, which sends it back as `x-csrf-token`.
 * Both SameSite=Lax, host-only (no Domain: student apps on sibling subdomains never see
 * them), Path from PUBLIC_URL, Secure when PUBLIC_URL is https, Max-Age = absolute lifetime.
 *
 * Expiry: idle timeout (`idleTtlSeconds`, sliding: renewed when used, at most about once a
 * minute) and an absolute lifetime (`maxLifetimeSeconds`, default 30 days) it never slides past.
 * Both are fixed by the writer at creation and stored in the session: a reader's own
 * `idleTtlSeconds` does not change how existing sessions renew.
 *
 * Redis (this lib owns the keys):
 * - `imad:session:<sha256(id) hex>` → JSON `{ user, createdAt, maxExpiresAt, idleMs, csrfHash }`, PX = idle timeout
 * - `imad:user-sessions:<userId>` → set of those hashes, expiring after the newest session's
 *   absolute end, so "sign out everywhere" reaches every live session.
 * The id itself is never stored: only its hash, so a Redis dump does not hand out sessions.
 */
export {
  clearedSessionCookies,
  cookiePolicy,
  CSRF_COOKIE,
  CSRF_HEADER,
  readCookie,
  serializeCookie,
  SESSION_COOKIE,
  sessionCookies,
  type CookieOptions,
  type CookiePolicy,
} from './cookies';
export { checkCsrf, checkSameOrigin, CSRF_ERROR_CODE, type CsrfRequest, type CsrfResult } from './csrf';
export { CsrfGuard, csrfProtection, type CsrfOptions } from './csrf-guards';
export { isWellFormedSecret, newSecret, sha256Hex } from './secrets';
export { SESSION_PREFIX, SessionStore, USER_SESSIONS_PREFIX, type SessionStoreOptions } from './session-store';
export type { IssuedSession, Session, SessionUser, StoredSession } from './types';
