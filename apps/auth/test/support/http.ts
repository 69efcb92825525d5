/** A browser's worth of HTTP for tests: a cookie jar, JSON helpers, no automatic redirects. */
export class Browser {
  readonly cookies = new Map<string, string>();

  constructor(readonly base: string, private readonly defaults: Record<string, string> = {}) {}

  async request(method: string, path: string, init: { json?: unknown; body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...this.defaults, ...init.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${this.base}${path}`, { method, headers, body, redirect: 'manual' });
    this.remember(res);
    return res;
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request('GET', path, { headers });
  }

  post(path: string, json?: unknown, headers?: Record<string, string>) {
    return this.request('POST', path, { json, headers });
  }

  /** POST with the CSRF header taken from the imad_csrf cookie, as the IDE does. */
  postWithCsrf(path: string) {
    return this.post(path, undefined, { 'x-csrf-token': this.cookies.get('__Host-imad_csrf') ?? this.cookies.get('imad_csrf') ?? '' });
  }

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export async function errorOf(res: Response): Promise<{ code: string; message: string; field?: string }> {
  const body = (await res.json()) as { error: { code: string; message: string; field?: string } };
  return body.error;
}
