import { ConfigError } from '@imad/config';
import { loadServiceConfig } from './config';

const base = { AMQP_URL: 'amqp://localhost', REDIS_URL: 'redis://localhost' };
const problems = (source: NodeJS.ProcessEnv) => {
  try {
    loadServiceConfig(source);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((p) => p.variable).sort();
  }
};

describe('repo configuration', () => {
  it('runs the local GitHost with embedded defaults', () => {
    const config = loadServiceConfig({ ...base, DATA_DIR: '/tmp/x', GIT_READ_SECRET: 's'.repeat(32) });
    expect(config).toMatchObject({ GITHOST: 'local', HTTP_PORT: 3002, MAX_FILE_BYTES: 1048576, MAX_FILES_PER_COMMIT: 100 });
    expect(config.TEMPLATE_DIR).toMatch(/templates\/node-starter$/);
  });

  it('names what the local GitHost is missing', () => {
    expect(problems(base)).toEqual(['DATA_DIR', 'GIT_READ_SECRET']);
    expect(problems({ ...base, DATA_DIR: '/x', GIT_READ_SECRET: 'short' })).toEqual(['GIT_READ_SECRET']);
  });

  it('names what the GitHub GitHost is missing', () => {
    expect(problems({ ...base, GITHOST: 'github' })).toEqual(['GITHUB_TEMPLATE_REPO', 'TOKEN_ENCRYPTION_KEYS']);
    expect(problems({ ...base, GITHOST: 'github', GITHUB_TEMPLATE_REPO: 'no-slash', TOKEN_ENCRYPTION_KEYS: `k1:${'a'.repeat(64)}` })).toEqual(['GITHUB_TEMPLATE_REPO']);
  });

  it('refuses limits that are not positive numbers', () => {
    expect(problems({ ...base, DATA_DIR: '/x', GIT_READ_SECRET: 's'.repeat(32), MAX_FILE_BYTES: '0', MAX_FILES_PER_COMMIT: 'many' })).toEqual([
      'MAX_FILES_PER_COMMIT',
      'MAX_FILE_BYTES',
    ]);
  });
});
