import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Plain git as a user (or a runtime) would run it: no global config, no prompts. */
export async function gitCli(args: string[], cwd?: string): Promise<{ stdout: string; stderr: string }> {
  return run('git', args, {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    timeout: 60_000,
  });
}

/** The failure of a git command, for asserting how it failed. */
export async function gitFails(args: string[], cwd?: string): Promise<string> {
  try {
    await gitCli(args, cwd);
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  }
  throw new Error(`git ${args.join(' ')} succeeded but should have failed`);
}
