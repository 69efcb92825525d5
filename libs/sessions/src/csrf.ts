import { CSRF_COOKIE, CSRF_HEADER, readCookie } from './cookies';
import { constantTimeEqual, sha256Hex } from './secrets';
import type { StoredSession } from './types';

export const CSRF_ERROR_CODE = 'AUTH.CSRF_FAILED';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

export type CsrfResult = { ok: true } | { ok: false; reason: string };

/**
 * Double submit, bound to the session: a state-changing request must carry the `imad_csrf`
 * cookie's value in `x-csrf-token`, and that value must be the one issued with the session.
 * The binding matters here: student apps live on sibling subdomains and can plant cookies
 * for the parent domain, which defeats a plain cookie==header check. Origin and
 * Sec-Fetch-Site, when the browser sends them, must say "this origin" as well.
 */
export function checkCsrf(req: CsrfRequest, session: Pick<StoredSession, 'csrfHash'> | null | undefined, origin: string, csrfCookie = CSRF_COOKIE): CsrfResult {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return { ok: true };
  const sameOrigin = checkSameOrigin(req, origin);
  if (!sameOrigin.ok) return sameOrigin;
  const sent = header(req, CSRF_HEADER);
  const cookie = readCookie(header(req, 'cookie'), csrfCookie);
  if (!sent || !cookie) return { ok: false, reason: `missing CSRF token: send the ${csrfCookie} cookie's value in the ${CSRF_HEADER} header` };
  if (!constantTimeEqual(sent, cookie)) return { ok: false, reason: `${CSRF_HEADER} does not match the ${csrfCookie} cookie` };
  if (session && !constantTimeEqual(sha256Hex(sent), session.csrfHash)) return { ok: false, reason: 'CSRF token was not issued with this session' };
  return { ok: true };
}

/**
 * Refuses a request a browser says came from elsewhere (Origin, Sec-Fetch-Site). Requests
 * without those headers (older browsers, curl) pass: this is defence in depth, not the
 * token check. Also usable alone where no session exists yet (sign-in forms).
 */
export function checkSameOrigin(req: CsrfRequest, origin: string): CsrfResult {
  const sentOrigin = header(req, 'origin');
  if (sentOrigin !== undefined && sentOrigin !== origin) return { ok: false, reason: `request came from another origin (${sentOrigin})` };
  const site = header(req, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { ok: false, reason: `request came from a ${site} page` };
  return { ok: true };
}

function header(req: CsrfRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
