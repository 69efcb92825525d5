import { appNamespaces, appUrl, loadServiceConfig } from './config';

const base = { AMQP_URL: 'amqp://localhost', REDIS_URL: 'redis://localhost', GIT_READ_SECRET: 'x'.repeat(32) };

describe('deployer configuration', () => {
  it('has the embedded defaults of docs/WORKSPACE.md', () => {
    const c = loadServiceConfig(base);
    expect(c).toMatchObject({ HTTP_PORT: 3003, RUNTIME: 'local', APPS_DOMAIN: 'apps.localhost', APPS_ROUTER_PORT: 8081, PREFETCH: 20, APP_COMMAND: ['npm', 'start'] });
    expect(appUrl(c, 'alice')).toBe('http://alice.apps.localhost:8081/');
    expect(appNamespaces(c)).toEqual(['apps-0']);
  });

  it('reads namespaces, resources and router labels', () => {
    const c = loadServiceConfig({ ...base, APP_NAMESPACES: 'apps-0, apps-1', APP_MEMORY_LIMIT: '1Gi', ROUTER_POD_LABELS: 'a=b,c=d' });
    expect(appNamespaces(c)).toEqual(['apps-0', 'apps-1']);
    expect(c.APP_MEMORY_LIMIT).toBe('1Gi');
    expect(c.ROUTER_POD_LABELS).toEqual({ a: 'b', c: 'd' });
    expect(appNamespaces(loadServiceConfig({ ...base, APPS_NAMESPACES: 'x-0,x-1' }))).toEqual(['x-0', 'x-1']);
  });

  it('names every bad variable', () => {
    let error: unknown;
    try {
      loadServiceConfig({ ...base, RUNTIME: 'docker', GIT_READ_SECRET: 'short', APP_NAMESPACES: 'Bad_NS', APP_CPU_LIMIT: 'lots', APPS_URL_TEMPLATE: 'http://x/' });
    } catch (e) {
      error = e;
    }
    const vars = (error as { problems: { variable: string }[] }).problems.map((p) => p.variable).sort();
    expect(vars).toEqual(['APPS_URL_TEMPLATE', 'APP_CPU_LIMIT', 'APP_NAMESPACES', 'GIT_READ_SECRET', 'RUNTIME']);
  });
});
