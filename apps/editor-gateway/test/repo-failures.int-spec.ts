import { RepoHistory, RepoTree } from '@imad/contracts';
import { AmqpConnection, RpcServer } from '@imad/messaging';
import { createLogger } from '@imad/observability';
import { gatewayEnv, type GatewayEnv } from './support/env';

describe('failures of the repo service reach the browser with stable codes', () => {
  describe('with no repo service running', () => {
    let env: GatewayEnv;
    beforeAll(async () => {
      env = await gatewayEnv({ repo: false });
    });
    afterAll(() => env?.close());

    it('answers 503 RPC.UNAVAILABLE', async () => {
      const alice = await env.student();
      const res = await env.api('/api/workspace/tree', { headers: alice.read });
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe('RPC.UNAVAILABLE');
    });
  });

  describe('with a repo service that is too slow', () => {
    let env: GatewayEnv;
    let connection: AmqpConnection;
    let server: RpcServer;
    beforeAll(async () => {
      env = await gatewayEnv({ repo: false });
      connection = new AmqpConnection({ url: env.amqpUrl, connectionName: 'slow-repo', logger: createLogger('slow-repo', 'silent') });
      server = new RpcServer(connection);
      await connection.start();
      await server.serve(RepoTree, () => new Promise((resolve) => setTimeout(() => resolve({ head: 'a'.repeat(40), entries: [] }), 10_000)));
      await server.serve(RepoHistory, async () => {
        throw new Error('disk on fire'); // not an AppError: the server answers RPC.INTERNAL
      });
    });
    afterAll(async () => {
      await server?.stop(100);
      await connection?.close();
      await env?.close();
    });

    it('answers 504 RPC.TIMEOUT once the read timeout passes', async () => {
      const alice = await env.student();
      const started = Date.now();
      const res = await env.api('/api/workspace/tree', { headers: alice.read });
      expect(res.status).toBe(504);
      expect((await res.json()).error.code).toBe('RPC.TIMEOUT');
      expect(Date.now() - started).toBeLessThan(9_500);
    });

    it('answers 500 without internals when the repo service fails unexpectedly', async () => {
      const alice = await env.student();
      const res = await env.api('/api/workspace/history', { headers: alice.read });
      expect(res.status).toBe(500);
      const body = await res.json();
      expect(body.error.code).toBe('RPC.INTERNAL');
      expect(JSON.stringify(body)).not.toContain('disk on fire');
    });
  });

  describe('with a workspace that moved on', () => {
    let env: GatewayEnv;
    beforeAll(async () => {
      env = await gatewayEnv();
    });
    afterAll(() => env?.close());

    it('answers 409 REPO.CONFLICT with the new head and both sides of each file', async () => {
      const alice = await env.student();
      const base = env.workspaces.head(alice.ws).id;
      const save = (content: string) =>
        env.api('/api/workspace/commits', {
          method: 'POST',
          headers: alice.write,
          body: JSON.stringify({ baseCommit: base, message: content, changes: [{ op: 'upsert', path: 'server.js', content }] }),
        });
      const first = await save('// tab 1');
      expect(first.status).toBe(201);
      const { commit } = await first.json();

      const second = await save('// tab 2');

      expect(second.status).toBe(409);
      const { error } = await second.json();
      expect(error.code).toBe('REPO.CONFLICT');
      expect(error.details).toMatchObject({ head: commit, files: [{ path: 'server.js', base: expect.any(String), theirs: expect.any(String) }] });
    });
  });
});
