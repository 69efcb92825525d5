import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gatewayEnv, type GatewayEnv } from './support/env';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A stand-in for the auth service: records what reached it and answers like auth would. */
function fakeAuth(): Promise<{ server: Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() });
      if (req.url === '/auth/local/signin') {
        res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': ['imad_session=s1; Path=/; HttpOnly; SameSite=Lax', 'imad_csrf=c1; Path=/; SameSite=Lax'] });
        return res.end(JSON.stringify({ user: { login: 'alice' } }));
      }
      if (req.url === '/auth/session') {
        res.writeHead(401, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ error: { code: 'AUTH.SESSION_EXPIRED', message: 'signed out' } }));
      }
      if (req.url?.startsWith('/auth/github')) {
        res.writeHead(302, { location: 'https://github.com/login/oauth/authorize?client_id=x' });
        return res.end();
      }
      if (req.url === '/auth/stream') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('first ');
        return setTimeout(() => res.end('second'), 200);
      }
      res.writeHead(404).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen })));
}

describe('/auth/* is reverse-proxied to auth on the same origin', () => {
  let env: GatewayEnv;
  let auth: Awaited<ReturnType<typeof fakeAuth>>;

  beforeAll(async () => {
    auth = await fakeAuth();
    env = await gatewayEnv({ env: { AUTH_URL: auth.url }, repo: false });
  });

  afterAll(async () => {
    await env?.close();
    auth?.server.close();
  });

  it('forwards a JSON sign-in with its body and hands back every Set-Cookie', async () => {
    const res = await env.api('/auth/local/signin', { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'req-proxy-1' }, body: JSON.stringify({ username: 'alice', password: 'pw' }) });

    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual(['imad_session=s1; Path=/; HttpOnly; SameSite=Lax', 'imad_csrf=c1; Path=/; SameSite=Lax']);
    expect(await res.json()).toEqual({ user: { login: 'alice' } });
    const seen = auth.seen.at(-1)!;
    expect(JSON.parse(seen.body)).toEqual({ username: 'alice', password: 'pw' });
    expect(seen.headers['x-request-id']).toBe('req-proxy-1');
    expect(seen.headers['x-forwarded-host']).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('streams a body the JSON parser did not read (a form post) through untouched', async () => {
    const res = await env.api('/auth/local/signin', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=alice&password=p%26w' });
    expect(res.status).toBe(200);
    expect(auth.seen.at(-1)!.body).toBe('username=alice&password=p%26w');
  });

  it('passes the status through (401 stays 401) and the cookies the browser sent', async () => {
    const res = await env.api('/auth/session', { headers: { cookie: 'imad_session=abc' } });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('AUTH.SESSION_EXPIRED');
    expect(auth.seen.at(-1)!.headers.cookie).toBe('imad_session=abc');
  });

  it('passes redirects through without following them, query string intact', async () => {
    const res = await env.api('/auth/github?next=%2F', { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://github.com/login/oauth/authorize?client_id=x');
    expect(auth.seen.at(-1)!.url).toBe('/auth/github?next=%2F');
  });

  it('streams the answer as it comes', async () => {
    const res = await env.api('/auth/stream');
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('first ');
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe('second');
  });

  it('answers 502 AUTH.UNAVAILABLE as JSON when auth is down', async () => {
    const down = await gatewayEnv({ env: { AUTH_URL: 'http://127.0.0.1:9' }, repo: false });
    try {
      const res = await down.api('/auth/session');
      expect(res.status).toBe(502);
      expect((await res.json()).error.code).toBe('AUTH.UNAVAILABLE');
    } finally {
      await down.close();
    }
  });
});
