import { gatewayEnv, type GatewayEnv } from './support/env';

describe('the built IDE is served from WEB_DIST_DIR with caching headers', () => {
  let env: GatewayEnv;

  beforeAll(async () => {
    env = await gatewayEnv({ repo: false });
  });

  afterAll(() => env?.close());

  it('/ is the IDE, revalidated on every load', async () => {
    const res = await env.api('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(await res.text()).toContain('imad IDE');
  });

  it('content-hashed assets are cached for a year and immutable', async () => {
    const res = await env.api('/assets/index-AB12CD34.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 304 to a revalidation with the same ETag', async () => {
    const first = await env.api('/');
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await env.api('/', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves the sign-in page at /signin', async () => {
    expect(await (await env.api('/signin')).text()).toContain('Sign in');
  });

  it('never serves files from outside the IDE folder', async () => {
    const res = await env.api('/%2e%2e/%2e%2e/etc/passwd');
    expect(res.status).toBe(404);
  });

  it('an unknown /api path is a JSON 404 even though / is the IDE', async () => {
    const res = await env.api('/api/does-not-exist');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('HTTP.NOT_FOUND');
  });
});
