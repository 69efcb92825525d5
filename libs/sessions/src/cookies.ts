/** Cookie names and the CSRF header are part of the browser contract (docs/WORKSPACE.md). */
export const SESSION_COOKIE = 'imad_session';
export const CSRF_COOKIE = 'imad_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** Prefix of cookies a browser accepts only host-only, Secure and on Path=/ (RFC 6265bis). */
export const HOST_PREFIX = '__Host-';

/**
 * How cookies are scoped, from PUBLIC_URL (the origin the browser sees, in front of any
 * proxy): host-only (no Domain attribute, so student apps on sibling subdomains never
 * receive them), Path = PUBLIC_URL's path, Secure when it is https.
 */
export interface CookiePolicy {
  secure: boolean;
  path: string;
  origin: string;
  /** The names to set and to read; see cookieNames. */
  names: CookieNames;
}

export interface CookieNames {
  session: string;
  csrf: string;
  /** Prefix for any other cookie of ours (e.g. the OAuth binding), and whether it must sit on Path=/. */
  prefix: string;
}

export function cookiePolicy(publicUrl: string): CookiePolicy {
  const url = new URL(publicUrl);
  const secure = url.protocol === 'https:';
  const path = url.pathname.replace(/\/+$/, '') || '/';
  return { secure, path, origin: url.origin, names: cookieNames(secure, path) };
}

/**
 * `__Host-` names wherever the browser can enforce them (https, at the root of the host).
 * A student's app on a sibling subdomain can set a plain cookie for the parent domain and
 * so plant its own session in a visitor's browser (login CSRF: the visitor's work lands
 * in the attacker's account); a `__Host-` cookie it cannot set at all. Only these names
 * are read, so a planted plain `imad_session` is ignored. Plain names remain for http
 * (local use) and for a PUBLIC_URL with a path, where the prefix is not allowed.
 */
export function cookieNames(secure: boolean, path: string): CookieNames {
  const prefix = secure && path === '/' ? HOST_PREFIX : '';
  return { session: `${prefix}${SESSION_COOKIE}`, csrf: `${prefix}${CSRF_COOKIE}`, prefix };
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
    serializeCookie(policy.names.session, issued.id, policy, { maxAgeSeconds: issued.maxAgeSeconds, httpOnly: true }),
    // Readable by the IDE's script, which echoes it in x-csrf-token (double submit).
    serializeCookie(policy.names.csrf, issued.csrfToken, policy, { maxAgeSeconds: issued.maxAgeSeconds, httpOnly: false }),
  ];
}

/** Set-Cookie values that make the browser forget the session. */
export function clearedSessionCookies(policy: CookiePolicy): string[] {
  return [
    serializeCookie(policy.names.session, '', policy, { maxAgeSeconds: 0, httpOnly: true }),
    serializeCookie(policy.names.csrf, '', policy, { maxAgeSeconds: 0, httpOnly: false }),
  ];
}
