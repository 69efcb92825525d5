import { Writable } from 'node:stream';
import { Log, type KubeConfig } from '@kubernetes/client-node';
import type { Logger } from '@imad/observability';
import type { AppOutput } from '../app-output';

export interface LogFollowerOptions {
  /** How long after a rollout the app's output is followed live (the IDE shows it while the student looks). */
  followMs: number;
  /** Follows open at once per worker; the oldest is closed for a new one. */
  maxFollows: number;
}

/**
 * Live app output on Kubernetes: after a deploy of this worker became ready, its pod's log
 * is followed through the API server (pod log API) for a while, and every line goes to the
 * app's log channel and tail in Redis. Bounded in time and number so 10,000 apps do not
 * mean 10,000 open streams; `deployer.logs` reads a tail on demand beyond that.
 */
export class LogFollower {
  private readonly active = new Map<string, { abort: AbortController | undefined; timer: NodeJS.Timeout }>();

  constructor(
    private readonly kubeConfig: KubeConfig,
    private readonly admit: () => Promise<void>,
    private readonly outputOf: (app: string) => AppOutput,
    private readonly logger: Logger,
    private readonly o: LogFollowerOptions,
  ) {}

  async follow(app: string, namespace: string, pod: string): Promise<void> {
    if (this.o.followMs <= 0 || this.o.maxFollows <= 0) return;
    this.stopApp(app);
    if (this.active.size >= this.o.maxFollows) this.stopApp(this.active.keys().next().value!);
    const output = this.outputOf(app);
    let partial = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        const text = partial + chunk.toString('utf8');
        const lines = text.split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) output.push('stdout', line);
        done();
      },
    });
    const entry = { abort: undefined as AbortController | undefined, timer: setTimeout(() => this.stopApp(app), this.o.followMs) };
    entry.timer.unref();
    this.active.set(app, entry);
    try {
      await this.admit();
      entry.abort = await new Log(this.kubeConfig).log(namespace, pod, 'app', sink, { follow: true, tailLines: 100 });
    } catch (error) {
      this.active.delete(app);
      clearTimeout(entry.timer);
      const code = (error as { code?: number }).code;
      output.system(`live output is not available right now${code ? ` (the cluster answered ${code})` : ''}`);
      await output.flush();
      this.logger.debug({ err: error, app, pod }, 'could not follow pod logs');
    }
  }

  stopApp(app: string): void {
    const entry = this.active.get(app);
    if (!entry) return;
    this.active.delete(app);
    clearTimeout(entry.timer);
    entry.abort?.abort();
  }

  stop(): void {
    for (const app of [...this.active.keys()]) this.stopApp(app);
  }
}
