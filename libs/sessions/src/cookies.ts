/** Cookie names and the CSRF header are part of the browser contract (docs/WORKSPACE.md). */
export const SESSION_COOKIE = 'imad_session';
export const CSRF_COOKIE = 'imad_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * How cookies are scoped, from PUBLIC_URL (the origin the browser sees, in front of any
 * proxy): host-only (no Domain attribute, so student apps on sibling subdomains never
 * receive them), Path = PUBLIC_URL's path, Secure when it is https.
 */
export interface CookiePolicy {
  secure: boolean;
  path: string;
  origin: string;
}

export function cookiePolicy(publicUrl: string): CookiePolicy {
  const url = new URL(publicUrl);
  return { secure: url.protocol === 'https:', path: url.pathname.replace(/\/+$/, '') || '/', origin: url.origin };
}

export interface CookieOptions {
  maxAgeSeconds: number;
  httpOnly: boolean;
  /** Narrower than the policy's path, e.g. `/auth/github` for the OAuth binding cookie. */
  path?: string;
}

export function serializeCookie(name: string, value: string, policy: CookiePolicy, options: CookieOptions): string {
  const parts = [`${name}=${value}`, `Path=${options.path ?? policy.path}`, `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`, 'SameSite=Lax'];
  if (options.httpOnly) parts.push('HttpOnly');
  if (policy.secure) parts.push('Secure');
  return parts.join('; ');
}

/**
 * The value of one cookie, or undefined. The first occurrence wins: browsers send the
 * most specific (longest Path) first.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    if (pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
}

/** Set-Cookie values for a new session: the HttpOnly id and the script-readable CSRF token. */
export function sessionCookies(issued: { id: string; csrfToken: string; maxAgeSeconds: number }, policy: CookiePolicy): string[] {
  return [
    serializeCookie(SESSION_COOKIE, issued.id, policy, { maxAgeSeconds: issued.maxAgeSeconds, httpOnly: true }),
    // Readable by the IDE's script, which echoes it in x-csrf-token (double submit).
    serializeCookie(CSRF_COOKIE, issued.csrfToken, policy, { maxAgeSeconds: issued.maxAgeSeconds, httpOnly: false }),
  ];
}

/** Set-Cookie values that make the browser forget the session. */
export function clearedSessionCookies(policy: CookiePolicy): string[] {
  return [
    serializeCookie(SESSION_COOKIE, '', policy, { maxAgeSeconds: 0, httpOnly: true }),
    serializeCookie(CSRF_COOKIE, '', policy, { maxAgeSeconds: 0, httpOnly: false }),
  ];
}
