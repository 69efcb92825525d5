import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface AppCommand {
  command: string;
  args: string[];
}

export type OutputLine = { stream: 'stdout' | 'stderr'; line: string };

/**
 * One run of a student's app: its own process group (so `npm start`'s children stop with
 * it), an environment with PORT and nothing of the deployer's (no secrets, no broker or
 * Redis URLs), and its output as lines.
 */
export class AppProcess {
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private stopping = false;

  constructor(dir: string, cmd: AppCommand, port: number, onLine: (l: OutputLine) => void) {
    this.child = spawn(cmd.command, cmd.args, {
      cwd: dir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, HOME: dir, PORT: String(port), NODE_ENV: 'production', LANG: 'C.UTF-8', npm_config_update_notifier: 'false' },
    });
    for (const stream of ['stdout', 'stderr'] as const) {
      createInterface({ input: this.child[stream]!, crlfDelay: Infinity }).on('line', (line) => onLine({ stream, line }));
    }
    this.exited = new Promise((resolve) => {
      this.child.on('error', () => resolve({ code: -1, signal: null }));
      this.child.on('exit', (code, signal) => resolve({ code, signal }));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** SIGTERM to the whole group, SIGKILL after `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopping = true;
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.signal('SIGTERM');
    const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
    this.signal('SIGKILL'); // stragglers in the group
  }

  private signal(sig: NodeJS.Signals): void {
    try {
      if (this.child.pid) process.kill(-this.child.pid, sig);
    } catch {
      // already gone
    }
  }
}
