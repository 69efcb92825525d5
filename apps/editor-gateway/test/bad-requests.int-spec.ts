import { gatewayEnv, type GatewayEnv } from './support/env';
import type { SignedIn } from './support/students';

const SHA = 'a'.repeat(40);

describe('bad requests get 400 naming the field', () => {
  let env: GatewayEnv;
  let alice: SignedIn;

  beforeAll(async () => {
    env = await gatewayEnv();
    alice = await env.student();
  });

  afterAll(() => env?.close());

  const post = (path: string, body: unknown) => env.api(path, { method: 'POST', headers: alice.write, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const get = (path: string) => env.api(path, { headers: alice.read });

  async function expectField(res: Response, field: string, code = 'REQUEST.INVALID') {
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatchObject({ code, field });
    expect(body.error.message).toEqual(expect.any(String));
    return body.error;
  }

  it.each([
    ['a missing baseCommit', { message: 'm', changes: [{ op: 'delete', path: 'a.js' }] }, 'baseCommit'],
    ['an abbreviated baseCommit', { baseCommit: 'abc123', message: 'm', changes: [{ op: 'delete', path: 'a.js' }] }, 'baseCommit'],
    ['an empty message', { baseCommit: SHA, message: '  ', changes: [{ op: 'delete', path: 'a.js' }] }, 'message'],
    ['no changes', { baseCommit: SHA, message: 'm', changes: [] }, 'changes'],
    ['a path escaping the workspace', { baseCommit: SHA, message: 'm', changes: [{ op: 'upsert', path: 'src/../../etc/passwd', content: 'x' }] }, 'changes.0.path'],
    ['a path inside .git', { baseCommit: SHA, message: 'm', changes: [{ op: 'delete', path: 'ok.js' }, { op: 'upsert', path: '.git/config', content: 'x' }] }, 'changes.1.path'],
    ['an unknown op', { baseCommit: SHA, message: 'm', changes: [{ op: 'chmod', path: 'a.js' }] }, 'changes.0.op'],
    ['a rename without a target', { baseCommit: SHA, message: 'm', changes: [{ op: 'rename', from: 'a.js' }] }, 'changes.0.to'],
    ['upsert content that is not a string', { baseCommit: SHA, message: 'm', changes: [{ op: 'upsert', path: 'a.js', content: 42 }] }, 'changes.0.content'],
  ])('POST /api/workspace/commits with %s', async (_what, body, field) => {
    await expectField(await post('/api/workspace/commits', body), field);
  });

  it('POST /api/workspace/commits lists every problem, not only the first', async () => {
    const error = await expectField(await post('/api/workspace/commits', { message: '', changes: [] }), 'baseCommit');
    expect(error.details.problems.map((p: { field: string }) => p.field)).toEqual(expect.arrayContaining(['baseCommit', 'message', 'changes']));
  });

  it('POST /api/workspace/commits with a body that is not JSON', async () => {
    await expectField(await post('/api/workspace/commits', '{"baseCommit": '), 'body', 'REQUEST.INVALID_JSON');
  });

  it('POST /api/workspace/commits without a body', async () => {
    await expectField(await env.api('/api/workspace/commits', { method: 'POST', headers: { cookie: alice.cookie, 'x-csrf-token': alice.csrf } }), 'body');
  });

  it.each([
    ['/api/workspace/file', 'path'],
    ['/api/workspace/file?path=../secret', 'path'],
    ['/api/workspace/file?path=server.js&commit=HEAD', 'commit'],
    ['/api/workspace/history?limit=0', 'limit'],
    ['/api/workspace/history?limit=lots', 'limit'],
    [`/api/workspace/diff?from=${SHA}`, 'to'],
    [`/api/workspace/diff?from=main&to=${SHA}`, 'from'],
    ['/api/app/logs?tail=100000', 'tail'],
    ['/api/deploys?limit=-1', 'limit'],
  ])('GET %s', async (path, field) => {
    await expectField(await get(path), field);
  });

  it.each([
    ['POST /api/workspace/revert without commit', '/api/workspace/revert', { baseCommit: SHA }, 'commit'],
    ['POST /api/workspace/revert with a short baseCommit', '/api/workspace/revert', { commit: SHA, baseCommit: 'f00' }, 'baseCommit'],
    ['POST /api/deploys with a branch name for commit', '/api/deploys', { commit: 'main' }, 'commit'],
  ])('%s', async (_what, path, body, field) => {
    await expectField(await post(path, body), field);
  });

  it('an unknown /api route is a JSON 404, not the IDE', async () => {
    const res = await get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect((await res.json()).error.code).toBe('HTTP.NOT_FOUND');
  });

  it('a body over the size limit is 413 naming the body', async () => {
    const content = 'x'.repeat(6 * 1024 * 1024);
    const res = await post('/api/workspace/commits', { baseCommit: SHA, message: 'm', changes: [{ op: 'upsert', path: 'big.txt', content }] });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: 'REQUEST.TOO_LARGE', field: 'body' });
  });
});
