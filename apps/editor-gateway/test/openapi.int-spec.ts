import { gatewayEnv, type GatewayEnv } from './support/env';
import { API_ROUTES } from './support/routes';

interface Operation {
  responses: Record<string, unknown>;
  requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: Record<string, unknown> } }> };
  parameters?: { name: string; in: string; required?: boolean }[];
  security?: Record<string, unknown>[];
}

describe('the OpenAPI document at /api/docs describes the API as served', () => {
  let env: GatewayEnv;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, unknown> } };

  beforeAll(async () => {
    env = await gatewayEnv({ repo: false });
    const res = await env.api('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    doc = await res.json();
  });

  afterAll(() => env?.close());

  it('lists exactly the browser-facing routes', () => {
    const served = API_ROUTES.map(([method, path]) => `${method.toLowerCase()} ${path.split('?')[0]}`).sort();
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)).sort();
    expect(documented).toEqual(served);
  });

  it('documents the session on every route and CSRF on every state-changing one', () => {
    for (const [method, path] of API_ROUTES) {
      const op = doc.paths[path.split('?')[0]!]![method.toLowerCase()]!;
      expect([path, Object.keys(op.responses)]).toEqual([path, expect.arrayContaining(['401'])]);
      if (method !== 'GET') expect([path, Object.keys(op.responses)]).toEqual([path, expect.arrayContaining(['403'])]);
    }
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['csrf', 'session']);
  });

  it('takes request bodies and queries from the validating schemas', () => {
    const save = doc.paths['/api/workspace/commits']!.post!;
    expect(save.requestBody!.content['application/json']!.schema.required).toEqual(['baseCommit', 'message', 'changes']);
    expect(Object.keys(save.responses)).toEqual(expect.arrayContaining(['201', '409', '429']));
    const file = doc.paths['/api/workspace/file']!.get!;
    expect(file.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'path', in: 'query', required: true }), expect.objectContaining({ name: 'commit', required: false })]));
    expect(Object.keys(doc.paths['/api/deploys']!.post!.responses)).toEqual(expect.arrayContaining(['202', '429']));
  });

  it('serves a browsable page at /api/docs without a session', async () => {
    const res = await env.api('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
  });
});
