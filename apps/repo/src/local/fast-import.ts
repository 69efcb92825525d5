import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { GitError } from './git';
import { RefMovedError } from './ref-update';

export interface LsEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  id: string;
}

/** `"path"` in fast-import's C-style quoting, so any name (spaces, quotes, UTF-8) is safe. */
export const quotePath = (p: string) => `"${p.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * One `git fast-import` process used interactively: `ls` questions about HEAD's tree are
 * answered on stdout as they are asked, then either one commit is written (blobs, trees
 * and the commit in this same process) or nothing. The branch update at the end is git's
 * own compare-and-swap: fast-import moves the ref only if it still contains the commit the
 * new one is built on (a ref transaction with the old value it checked), so a save that
 * lost a race fails with "Not updating …" and changes nothing.
 */
export class FastImportSession {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = '';
  private readonly lines: string[] = [];
  private readonly waiting: ((line: string) => void)[] = [];
  private stderr = '';
  private readonly exit: Promise<number | null>;

  constructor(gitDir: string) {
    // unpackLimit=0: keep the save's objects as one small pack instead of spawning
    // unpack-objects to loosen them (a process start per save); `git gc --auto` runs
    // every few saves (LocalGitHost) and folds the packs together.
    this.child = spawn('git', ['-c', 'fastimport.unpackLimit=0', 'fast-import', '--quiet'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LC_ALL: 'C', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_DIR: gitDir },
      timeout: 60_000,
    });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => this.onData(chunk));
    this.child.stderr.on('data', (c: Buffer) => (this.stderr += c.toString('utf8')));
    this.child.stdin.on('error', () => undefined);
    this.exit = new Promise((resolve, reject) => {
      this.child.on('error', reject);
      this.child.on('close', (code) => {
        // Wake anyone still waiting for an answer that will never come.
        for (const wake of this.waiting.splice(0)) wake('');
        resolve(code);
      });
    });
    this.write('feature done\n');
  }

  /** What HEAD's tree holds at each path (undefined: nothing there). */
  async ls(commit: string, paths: string[]): Promise<(LsEntry | undefined)[]> {
    this.write(paths.map((p) => `ls ${commit} ${quotePath(p)}\n`).join(''));
    const answers: (LsEntry | undefined)[] = [];
    for (let i = 0; i < paths.length; i++) {
      const line = await this.nextLine();
      if (line === '' || line.startsWith('missing ')) {
        if (line === '') throw new GitError(['fast-import'], null, this.stderr || 'fast-import stopped answering');
        answers.push(undefined);
        continue;
      }
      const [mode, type, id] = line.slice(0, line.indexOf('\t')).split(' ');
      answers.push({ mode, type: type as LsEntry['type'], id });
    }
    return answers;
  }

  /** Writes the commit on `ref` on top of `parent`; returns its id, or RefMovedError if the ref moved. */
  async commit(ref: string, parent: string, header: { author: string; message: string }, commands: Buffer[]): Promise<string> {
    const message = Buffer.from(header.message, 'utf8');
    this.write(`commit ${ref}\nmark :1\nauthor ${header.author}\ncommitter ${header.author}\ndata ${message.length}\n`);
    this.write(message);
    this.write(`\nfrom ${parent}\n`);
    for (const command of commands) this.write(command);
    this.write('\nget-mark :1\ndone\n');
    this.child.stdin.end();
    const id = await this.nextLine();
    const code = await this.exit;
    if (code === 0 && /^[0-9a-f]{40,64}$/.test(id)) return id;
    if (/Not updating|cannot lock ref|but expected/.test(this.stderr)) throw new RefMovedError(ref);
    throw new GitError(['fast-import'], code, this.stderr);
  }

  /** Ends the session without writing anything. */
  async abort(): Promise<void> {
    this.write('done\n');
    this.child.stdin.end();
    await this.exit.catch(() => undefined);
  }

  private write(data: string | Buffer): void {
    this.child.stdin.write(data);
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      const wake = this.waiting.shift();
      if (wake) wake(line);
      else this.lines.push(line);
    }
  }

  private nextLine(): Promise<string> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.child.exitCode !== null) return Promise.resolve('');
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
