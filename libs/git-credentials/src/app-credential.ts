import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The read-only clone credential of one app on the local git smart-HTTP server.
 * user = app name, password = hex HMAC-SHA256 keyed with the UTF-8 bytes of
 * GIT_READ_SECRET over the app name. Derived, never stored: the repo service and the
 * deployer only share the secret, and a leaked password opens exactly one app.
 * Shell equivalent: `printf %s "$APP" | openssl dgst -sha256 -hmac "$GIT_READ_SECRET"`.
 */
export interface GitCredential {
  username: string;
  password: string;
}

export function appGitCredential(secret: string, app: string): GitCredential {
  if (secret.length === 0) throw new Error('GIT_READ_SECRET is empty');
  return { username: app, password: createHmac('sha256', secret).update(app, 'utf8').digest('hex') };
}

/** `http://host/git/a.git` → `http://a:<password>@host/git/a.git` for `git clone` (keep it out of logs). */
export function cloneUrlWithCredential(cloneUrl: string, secret: string, app: string): string {
  const url = new URL(cloneUrl);
  const { username, password } = appGitCredential(secret, app);
  url.username = encodeURIComponent(username);
  url.password = password;
  return url.toString();
}

export function parseBasicAuth(header: string | undefined): GitCredential | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * - `missing`: no usable Basic credential → 401 with a challenge.
 * - `invalid`: a credential that is not valid for any app → 401.
 * - `other-app`: a valid credential of a different app → 403 (authenticated, not allowed).
 */
export type CredentialCheck = 'ok' | 'missing' | 'invalid' | 'other-app';

export function checkAppGitCredential(secret: string, app: string, authorization: string | undefined): CredentialCheck {
  const given = parseBasicAuth(authorization);
  if (!given) return 'missing';
  if (!sameSecret(given.password, appGitCredential(secret, given.username).password)) return 'invalid';
  return given.username === app ? 'ok' : 'other-app';
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
