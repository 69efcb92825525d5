import { ConfigError } from '@imad/config';
import { defaultApiUrl, loadServiceConfig } from './config';

const base = { AMQP_URL: 'amqp://127.0.0.1', REDIS_URL: 'redis://127.0.0.1', PUBLIC_URL: 'https://learn.example.org' };
const github = { ...base, AUTH_PROVIDER: 'github', GITHUB_CLIENT_ID: 'Iv1.x', GITHUB_CLIENT_SECRET: 'secret' };

function problemsOf(env: Record<string, string>) {
  try {
    loadServiceConfig(env);
  } catch (error) {
    return (error as ConfigError).problems;
  }
  return [];
}

describe('auth configuration', () => {
  it('runs on local accounts by default, without GitHub settings or keys', () => {
    expect(loadServiceConfig(base)).toMatchObject({ AUTH_PROVIDER: 'local', HTTP_PORT: 3001, SESSION_TTL_SECONDS: 604_800 });
  });

  it('treats variables passed empty (docker-compose, charts) as not set', () => {
    const blank = { GITHUB_CLIENT_ID: '', GITHUB_CLIENT_SECRET: '', GITHUB_BASE_URL: '', GITHUB_API_URL: '', TOKEN_ENCRYPTION_KEYS: '' };
    expect(loadServiceConfig({ ...base, ...blank })).toMatchObject({ AUTH_PROVIDER: 'local', GITHUB_BASE_URL: 'https://github.com', GITHUB_API_URL: 'https://api.github.com' });
    expect(problemsOf({ ...base, ...blank, AUTH_PROVIDER: 'github' })).toContainEqual({ variable: 'TOKEN_ENCRYPTION_KEYS', message: 'is required when AUTH_PROVIDER=github' });
  });

  it('requires TOKEN_ENCRYPTION_KEYS (and the client settings) once GitHub is enabled', () => {
    expect(problemsOf({ ...base, AUTH_PROVIDER: 'github' }).map((p) => p.variable).sort()).toEqual(['GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET', 'TOKEN_ENCRYPTION_KEYS']);
  });

  it('names TOKEN_ENCRYPTION_KEYS when a key is malformed', () => {
    expect(problemsOf({ ...github, TOKEN_ENCRYPTION_KEYS: 'k1:zz' })).toEqual([{ variable: 'TOKEN_ENCRYPTION_KEYS', message: expect.stringMatching(/64 hex/) }]);
  });

  it('trusts X-Forwarded-For from loopback and private addresses unless TRUSTED_PROXIES says otherwise', () => {
    expect(loadServiceConfig(base).TRUSTED_PROXIES).toEqual(['loopback', 'linklocal', 'uniquelocal']);
    expect(loadServiceConfig({ ...base, TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.7,::1' }).TRUSTED_PROXIES).toEqual(['10.0.0.0/8', '192.0.2.7', '::1']);
  });

  it('names TRUSTED_PROXIES when an entry is not an address, a range or a known name', () => {
    for (const bad of ['gateway.imad.svc', '10.0.0.0/33', '10.0.0.1/8/1', ' , ']) {
      expect(problemsOf({ ...base, TRUSTED_PROXIES: bad })).toEqual([{ variable: 'TRUSTED_PROXIES', message: expect.stringMatching(/comma-separated list/) }]);
    }
  });

  it('requires PUBLIC_URL, since cookies and redirects derive from it', () => {
    const { PUBLIC_URL: _omit, ...rest } = base;
    expect(problemsOf(rest)).toEqual([{ variable: 'PUBLIC_URL', message: 'is required but not set' }]);
  });

  it('derives the API URL for github.com, GHE.com and GitHub Enterprise Server', () => {
    expect(defaultApiUrl('https://github.com')).toBe('https://api.github.com');
    expect(defaultApiUrl('https://acme.ghe.com')).toBe('https://api.acme.ghe.com');
    expect(defaultApiUrl('https://git.example.edu/')).toBe('https://git.example.edu/api/v3');
    const keys = `k1:${'ab'.repeat(32)}`;
    expect(loadServiceConfig({ ...github, TOKEN_ENCRYPTION_KEYS: keys, GITHUB_API_URL: 'https://api.example.edu/v3/' }).GITHUB_API_URL).toBe('https://api.example.edu/v3');
  });
});
