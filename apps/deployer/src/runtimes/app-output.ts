import type { AppLogLine } from '@imad/contracts';
import type { Logger } from '@imad/observability';
import type { Clock } from '@imad/status';

export interface LogSink {
  appendLog(app: string, lines: AppLogLine[]): Promise<void>;
}

/**
 * An app's output: the last lines in memory (crash reports, `deployer.logs`) and a live
 * copy to Redis in batches every `flushMs`. A chatty app is capped at `maxPerSecond`
 * lines; the excess is dropped with a note, so one app cannot flood Redis or the IDE.
 */
export class AppOutput {
  private readonly ring: AppLogLine[] = [];
  private batch: AppLogLine[] = [];
  private windowStart = 0;
  private inWindow = 0;
  private dropped = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly app: string,
    private readonly sink: LogSink,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly o = { ringSize: 200, maxPerSecond: 500, flushMs: 100 },
  ) {}

  push(stream: AppLogLine['stream'], line: string): void {
    const now = this.clock.now();
    if (now.getTime() - this.windowStart >= 1000) {
      if (this.dropped > 0) this.add({ at: now.toISOString(), stream: 'system', line: `… ${this.dropped} lines dropped (more than ${this.o.maxPerSecond} lines/s)` });
      this.windowStart = now.getTime();
      this.inWindow = 0;
      this.dropped = 0;
    }
    if (stream !== 'system' && ++this.inWindow > this.o.maxPerSecond) {
      this.dropped++;
      return;
    }
    this.add({ at: now.toISOString(), stream, line: line.slice(0, 4000) });
  }

  /** A platform note in the app's log ("restarting in 2 s"). */
  system(line: string): void {
    this.push('system', line);
  }

  tail(n: number): AppLogLine[] {
    return this.ring.slice(-n);
  }

  /** The last app lines as plain text, for a crash report. */
  tailText(n = 20): string[] {
    return this.ring
      .filter((l) => l.stream !== 'system')
      .slice(-n)
      .map((l) => l.line.slice(0, 2000));
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const lines = this.batch;
    this.batch = [];
    if (lines.length === 0) return this.flushing;
    this.flushing = this.flushing.then(() =>
      this.sink.appendLog(this.app, lines).catch((error) => this.logger.warn({ err: error, app: this.app, lines: lines.length }, 'could not publish app output')),
    );
    return this.flushing;
  }

  private add(line: AppLogLine): void {
    this.ring.push(line);
    if (this.ring.length > this.o.ringSize) this.ring.shift();
    this.batch.push(line);
    this.timer ??= setTimeout(() => void this.flush(), this.o.flushMs);
  }
}
