import { execFile } from 'node:child_process';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '@imad/contracts';
import type { GitCredential } from '@imad/git-credentials';
import { DeployFailure } from '../../core/deploy-failure';

const run = promisify(execFile);

/** git's answers that mean "this repository/commit cannot be fetched as asked", not "try later". */
const PERMANENT = /not found|authentication failed|could not read username|not our ref|couldn't find remote ref|unadvertised object|reference is not a tree|did not match any|bad object|invalid|HTTP 40[134]/i;

/**
 * Fetches exactly `commit` into `dest` (replaced if present): init, shallow fetch of the
 * commit (falling back to a full fetch for servers that refuse a bare SHA), checkout,
 * drop .git. The credential travels as an http.extraHeader through GIT_CONFIG_* variables,
 * never on the command line (where `ps` would show it).
 */
export async function checkoutCommit(cloneUrl: string, commit: string, dest: string, credential: GitCredential, timeoutMs = 60_000): Promise<void> {
  const tmp = `${dest}.tmp-${process.pid}-${Date.now()}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const basic = Buffer.from(`${credential.username}:${credential.password}`).toString('base64');
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: tmp,
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'http.extraHeader',
    GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
  };
  const git = (...args: string[]) => run('git', args, { cwd: tmp, env, timeout: timeoutMs, maxBuffer: 1 << 20 });
  try {
    await git('init', '-q');
    try {
      await git('fetch', '-q', '--depth', '1', cloneUrl, commit);
    } catch {
      await git('fetch', '-q', cloneUrl);
    }
    await git('-c', 'advice.detachedHead=false', 'checkout', '-q', commit);
    await rm(path.join(tmp, '.git'), { recursive: true, force: true });
    await rm(dest, { recursive: true, force: true });
    await rename(tmp, dest);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim();
    const detail = stderr.split('\n').filter(Boolean).slice(-3).join(' ').replaceAll(basic, '***');
    if (PERMANENT.test(stderr)) {
      throw new DeployFailure('invalid', `Could not fetch commit ${commit.slice(0, 12)} of this app: ${detail}`, undefined, { cause: error });
    }
    throw new AppError('DEPLOY.GIT_UNAVAILABLE', `git fetch from ${cloneUrl} failed: ${detail}`, undefined, { cause: error });
  }
}
