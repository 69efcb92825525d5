import { spawn } from 'node:child_process';

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  code: number;
  /** Set when `truncateAt` cut the output (the command was stopped there). */
  truncated?: boolean;
}

export interface GitOptions {
  /** The bare repository (GIT_DIR); omitted for commands like `init`. */
  gitDir?: string;
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Exit codes that are answers, not failures (e.g. 1 from `merge-base --is-ancestor`). */
  okCodes?: number[];
  /** Kills runaway commands (e.g. a huge diff); the caller sees a GitError. */
  timeoutMs?: number;
  maxOutputBytes?: number;
  /** Keep only this many bytes of output, stop the command, and answer with `truncated`. */
  truncateAt?: number;
}

export class GitError extends Error {
  constructor(readonly args: string[], readonly code: number | null, readonly stderr: string) {
    super(`git ${args[0]} failed (${code ?? 'killed'}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
    this.name = 'GitError';
  }
}

/**
 * Runs the real git CLI with a fixed, minimal environment: no user or system config (so a
 * developer's hooks, aliases or signing settings never change what the service writes),
 * no prompts, C locale (parseable messages).
 */
export function git(args: string[], options: GitOptions = {}): Promise<GitResult> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    ...(options.gitDir ? { GIT_DIR: options.gitDir } : {}),
    ...options.env,
  };
  const limit = options.maxOutputBytes ?? 64 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { env, stdio: ['pipe', 'pipe', 'pipe'], timeout: options.timeoutMs ?? 60_000 });
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let truncated = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (truncated) return;
      if (options.truncateAt !== undefined && outBytes + chunk.length > options.truncateAt) {
        out.push(chunk.subarray(0, options.truncateAt - outBytes));
        truncated = true;
        child.kill('SIGKILL');
        return;
      }
      outBytes += chunk.length;
      if (outBytes > limit) child.kill('SIGKILL');
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (truncated) return resolve({ stdout: Buffer.concat(out), stderr, code: code ?? -1, truncated });
      if (outBytes > limit) return reject(new GitError(args, code, `output over ${limit} bytes`));
      if (code === 0 || (code !== null && options.okCodes?.includes(code))) return resolve({ stdout: Buffer.concat(out), stderr, code });
      reject(new GitError(args, code, stderr));
    });
    // A command that exits before reading stdin (EPIPE) reports through its exit code.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** stdout as trimmed text. */
export async function gitText(args: string[], options?: GitOptions): Promise<string> {
  return (await git(args, options)).stdout.toString('utf8').trim();
}

/** Splits NUL-terminated output (`-z`), dropping the empty tail. */
export function splitZ(buffer: Buffer): string[] {
  const parts = buffer.toString('utf8').split('\0');
  if (parts.at(-1) === '') parts.pop();
  return parts;
}
