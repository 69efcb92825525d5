import type { Clock } from '@imad/status';
import { AppProcess, type AppCommand } from './app-process';
import type { AppOutput } from '../app-output';
import { answersHttp } from './ports';

export interface InstanceOptions {
  /** How long a start may take to accept connections on PORT. */
  startTimeoutMs: number;
  /** After the first answer the app must stay up this long to count as started. */
  settleMs: number;
  /** Exits during start-up before the deploy fails as a crash loop. */
  startAttempts: number;
  /** Restart back-off after a running app exits: doubles from initial to max. */
  restartInitialMs: number;
  restartMaxMs: number;
}

export type LaunchResult = { ok: true } | { ok: false; reason: 'crash-loop' | 'probe-failing'; message: string; logTail: string[] };

export type InstanceState = 'starting' | 'running' | 'restarting' | 'stopped';

/**
 * One revision of one app as a supervised child process on a fixed port. `launch` is the
 * rollout: started and answering HTTP, or a failure a student can act on. Once running,
 * an exit restarts it with back-off (reset after a minute of staying up), like kubelet.
 */
export class AppInstance {
  state: InstanceState = 'starting';
  private proc: AppProcess | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private restartDelay: number;
  private lastStart = 0;

  constructor(
    readonly revision: number,
    private readonly dir: string,
    private readonly cmd: AppCommand,
    readonly port: number,
    private readonly output: AppOutput,
    private readonly clock: Clock,
    private readonly o: InstanceOptions,
  ) {
    this.restartDelay = o.restartInitialMs;
  }

  async launch(): Promise<LaunchResult> {
    for (let attempt = 1; ; attempt++) {
      const proc = this.spawn();
      const outcome = await this.untilUp(proc, this.o.startTimeoutMs);
      if (this.state === 'stopped') return { ok: false, reason: 'crash-loop', message: 'stopped', logTail: [] };
      if (outcome === 'up') {
        this.state = 'running';
        this.supervise(proc);
        return { ok: true };
      }
      if (outcome === 'timeout') {
        await proc.stop();
        return {
          ok: false,
          reason: 'probe-failing',
          message: `Your app did not accept connections on its PORT within ${Math.round(this.o.startTimeoutMs / 1000)} s. Make sure it listens on process.env.PORT.`,
          logTail: this.output.tailText(),
        };
      }
      const { code, signal } = outcome.exit;
      this.output.system(`app exited (${signal ?? `code ${code}`}) before accepting connections`);
      if (attempt >= this.o.startAttempts) {
        return { ok: false, reason: 'crash-loop', message: `Your app keeps crashing on start (exited ${attempt} times, last ${signal ?? `with code ${code}`}). Its last output is below.`, logTail: this.output.tailText() };
      }
      await new Promise((r) => setTimeout(r, 200 * 2 ** (attempt - 1)));
    }
  }

  async stop(): Promise<void> {
    this.state = 'stopped';
    clearTimeout(this.restartTimer);
    await this.proc?.stop();
  }

  private spawn(): AppProcess {
    this.lastStart = this.clock.now().getTime();
    const proc = new AppProcess(this.dir, this.cmd, this.port, (l) => this.output.push(l.stream, l.line));
    this.proc = proc;
    return proc;
  }

  /** Up = answering HTTP and still alive `settleMs` later. */
  private async untilUp(proc: AppProcess, timeoutMs: number): Promise<'up' | 'timeout' | { exit: Awaited<AppProcess['exited']> }> {
    const deadline = this.clock.now().getTime() + timeoutMs;
    let exit: Awaited<AppProcess['exited']> | undefined;
    void proc.exited.then((e) => (exit = e));
    while (this.clock.now().getTime() < deadline && this.state !== 'stopped') {
      if (exit) return { exit };
      if (await answersHttp(this.port, 500)) {
        const settled = await Promise.race([proc.exited, new Promise<'settled'>((r) => setTimeout(() => r('settled'), this.o.settleMs))]);
        return settled === 'settled' ? 'up' : { exit: settled };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return exit ? { exit } : 'timeout';
  }

  private supervise(proc: AppProcess): void {
    void proc.exited.then(({ code, signal }) => {
      if (this.state === 'stopped' || proc.isStopping) return;
      // A run that stayed up a minute resets the back-off, as kubelet does after 10 min.
      if (this.clock.now().getTime() - this.lastStart > 60_000) this.restartDelay = this.o.restartInitialMs;
      const delay = this.restartDelay;
      this.restartDelay = Math.min(this.o.restartMaxMs, this.restartDelay * 2);
      this.state = 'restarting';
      this.output.system(`app exited (${signal ?? `code ${code}`}); restarting in ${(delay / 1000).toFixed(1)} s`);
      this.restartTimer = setTimeout(() => void this.restart(), delay);
    });
  }

  private async restart(): Promise<void> {
    if (this.state === 'stopped') return;
    const proc = this.spawn();
    this.supervise(proc);
    const outcome = await this.untilUp(proc, this.o.startTimeoutMs);
    if (outcome === 'up' && this.state === 'restarting') this.state = 'running';
  }
}
