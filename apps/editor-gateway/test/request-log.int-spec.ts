import { Writable } from 'node:stream';
import { currentContext } from '@imad/observability';
import { pino } from 'pino';
import { gatewayEnv, type GatewayEnv } from './support/env';

/** A logger configured like createLogger (context mixin, JSON) that writes into an array. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level: 'info', base: { service: 'editor-gateway' }, mixin: () => ({ ...currentContext() }) }, sink);
  return { logger, lines };
}

describe('logs are structured JSON carrying the request id', () => {
  let env: GatewayEnv;
  const { logger, lines } = capturingLogger();

  beforeAll(async () => {
    env = await gatewayEnv({ logger });
  });

  afterAll(() => env?.close());

  it('writes one access line per request with the request id, the student and the outcome', async () => {
    const alice = await env.student();
    const res = await env.api('/api/workspace/tree', { headers: { ...alice.read, 'x-request-id': 'req-tree-42' } });
    expect(res.headers.get('x-request-id')).toBe('req-tree-42');

    const line = lines.find((l) => l.requestId === 'req-tree-42' && l.msg === 'request');
    expect(line).toMatchObject({ service: 'editor-gateway', method: 'GET', path: '/api/workspace/tree', status: 200, userId: alice.userId, app: alice.appName });
  });

  it('logs a refusal with its code, under the request id the gateway made up', async () => {
    const res = await env.api('/api/workspace/file?path=../x', { headers: (await env.student()).read });
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.find((l) => l.requestId === requestId && l.code === 'REQUEST.INVALID')).toMatchObject({ status: 400, field: 'path' });
  });
});
