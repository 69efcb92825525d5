import { appUrl, loadServiceConfig } from './config';

const required = { AMQP_URL: 'amqp://localhost', REDIS_URL: 'redis://localhost' };

describe('config', () => {
  it('has the embedded defaults of scripts/up.sh', () => {
    const config = loadServiceConfig(required);
    expect(config).toMatchObject({ HTTP_PORT: 8080, PUBLIC_URL: 'http://localhost:8080', AUTH_URL: 'http://127.0.0.1:3001', WEB_DIST_DIR: 'dist/apps/web' });
    expect(appUrl(config, 'alice')).toBe('http://alice.apps.localhost:8081/');
  });

  it('names every bad variable', () => {
    expect(() => loadServiceConfig({ ...required, APPS_URL_TEMPLATE: 'http://apps.localhost/', DEPLOY_RATE_PER_MINUTE: '0' })).toThrow(/APPS_URL_TEMPLATE: must contain \{app\}[\s\S]*DEPLOY_RATE_PER_MINUTE/);
  });
});
