import { ApiError, request } from './http';

/** The auth routes the sign-in page uses (proxied by the gateway to the auth service). */
export const auth = {
  signIn: (username: string, password: string) => request<unknown>('POST', '/auth/local/signin', { username, password }),
  signUp: (username: string, password: string) => request<unknown>('POST', '/auth/local/signup', { username, password }),
  session: async (): Promise<boolean> => {
    try {
      await request<unknown>('GET', '/auth/session');
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return false;
      throw e;
    }
  },
  /**
   * Which sign-in methods the server offers: `GET /auth/providers` →
   * `{ providers: ["local", "github"] }`. Without an answer, local accounts only.
   */
  providers: async (): Promise<Set<string>> => {
    try {
      return providerSet(await request<unknown>('GET', '/auth/providers'));
    } catch {
      return new Set(['local']);
    }
  },
};

/** Read the providers answer; also accepts `{ github: true }` and `{ providers: [{ id }] }`. */
export function providerSet(body: unknown): Set<string> {
  const set = new Set<string>();
  if (!body || typeof body !== 'object') return new Set(['local']);
  const b = body as Record<string, unknown>;
  if (Array.isArray(b.providers)) {
    for (const p of b.providers) {
      if (typeof p === 'string') set.add(p);
      else if (p && typeof p === 'object' && typeof (p as { id?: unknown }).id === 'string') set.add((p as { id: string }).id);
    }
  }
  for (const name of ['local', 'github']) {
    const v = b[name];
    if (v === true || (v && typeof v === 'object' && (v as { enabled?: unknown }).enabled === true)) set.add(name);
  }
  return set.size ? set : new Set(['local']);
}
