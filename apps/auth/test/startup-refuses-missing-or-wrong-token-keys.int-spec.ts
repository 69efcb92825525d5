import { execFile } from 'node:child_process';
import path from 'node:path';
import { amqpUrl, redisUrl, repoRoot } from '@imad/testing';

interface Exit {
  code: number | null;
  output: string;
}

/** Starts the real service entry point (main.ts) the way `npm run up` would, and waits for it to stop. */
function startAuth(env: Record<string, string>): Promise<Exit> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [path.join(repoRoot, 'tools/build/run-ts.js'), 'apps/auth/src/main.ts'],
      {
        cwd: repoRoot,
        timeout: 60_000,
        env: { PATH: process.env.PATH, AMQP_URL: amqpUrl(), REDIS_URL: redisUrl(), PUBLIC_URL: 'http://localhost:8080', HTTP_PORT: '0', AUTH_PROVIDER: 'github', GITHUB_CLIENT_ID: 'Iv1.abc', GITHUB_CLIENT_SECRET: 'shh', ...env },
      },
      () => undefined,
    );
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('starting auth with GitHub enabled', () => {
  it('stops at once (exit 78) naming TOKEN_ENCRYPTION_KEYS when it is missing', async () => {
    const exit = await startAuth({});
    expect(exit.code).toBe(78);
    const line = JSON.parse(exit.output.trim().split('\n').at(-1)!) as { level: string; problems: { variable: string; message: string }[] };
    expect(line.level).toBe('fatal');
    expect(line.problems).toEqual([{ variable: 'TOKEN_ENCRYPTION_KEYS', message: 'is required but not set' }]);
  });

  it('stops at once naming TOKEN_ENCRYPTION_KEYS when a key is not 32 bytes, without echoing it', async () => {
    const exit = await startAuth({ TOKEN_ENCRYPTION_KEYS: `k1:${'ab'.repeat(16)}` });
    expect(exit.code).toBe(78);
    expect(exit.output).toMatch(/TOKEN_ENCRYPTION_KEYS.*entry 1 \(\\?"k1\\?"\) must have a 32-byte key as 64 hex characters/);
    expect(exit.output).not.toContain('ab'.repeat(16));
  });
});
