import type { AppLogLine, DeployStatus } from '@imad/contracts';
import type { Subscription } from '@imad/status';
import type { Student } from '../ports/session.port';
import type { StatusPort } from '../ports/status.port';
import type { LiveLimits } from './live-limits';
import { isLater } from './status-order';

/** What a connection needs of a `ws` WebSocket (a fake in unit tests). */
export interface LiveSocket {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: string): void;
  ping(): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
}

const OPEN = 1;
const MAX_EARLY = 200;

/**
 * One browser socket. Subscribes before reading the current state, so nothing written in
 * between is lost; sends the current state first; then only ever moves the status forward
 * (see isLater). Status frames are never dropped — a socket that cannot take them is cut
 * and reconnects to the current state; log lines are dropped under backpressure, and the
 * gap is reported so the log panel can say so.
 */
export class LiveConnection {
  private shown: DeployStatus | null | undefined; // undefined until the first frame went out
  private early: DeployStatus[] = [];
  private earlyLogs: AppLogLine[] = [];
  private dropped = 0;
  private subscriptions: Subscription[] = [];
  private closed = false;
  alive = true;
  beats = 0;

  constructor(
    private readonly ws: LiveSocket,
    readonly student: Student,
    readonly cookie: string | undefined,
    private readonly status: StatusPort,
    private readonly limits: Pick<LiveLimits, 'logHighWaterBytes' | 'maxBufferedBytes'>,
    private readonly onDropped: (lines: number) => void = () => undefined,
  ) {}

  async start(): Promise<void> {
    const app = this.student.appName;
    this.keep(await this.status.subscribe([app], (s) => this.onStatus(s)));
    this.keep(await this.status.subscribeLogs([app], (_app, line) => this.onLog(line)));
    const current = (await this.status.current(app)) ?? null;
    if (this.closed) return;
    this.shown = current;
    this.send(JSON.stringify({ type: 'status', status: current }));
    for (const s of this.early) this.onStatus(s);
    for (const line of this.earlyLogs) this.onLog(line);
    this.early = [];
    this.earlyLogs = [];
  }

  onStatus(status: DeployStatus): void {
    if (this.shown === undefined) {
      if (this.early.length < MAX_EARLY) this.early.push(status);
      return;
    }
    if (!isLater(status, this.shown)) return;
    this.shown = status;
    this.send(JSON.stringify({ type: 'status', status }));
  }

  onLog(line: AppLogLine): void {
    if (this.shown === undefined) {
      if (this.earlyLogs.length < MAX_EARLY) this.earlyLogs.push(line);
      else this.drop();
      return;
    }
    if (this.ws.bufferedAmount > this.limits.logHighWaterBytes) return this.drop();
    if (this.dropped > 0) {
      this.send(JSON.stringify({ type: 'log-gap', dropped: this.dropped }));
      this.dropped = 0;
    }
    this.send(JSON.stringify({ type: 'log', line }));
  }

  /** Answer the browser's keep-alive (browsers cannot send WebSocket pings themselves). */
  onClientMessage(data: string): void {
    this.alive = true;
    if (data === '{"type":"ping"}') this.send('{"type":"pong"}');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const subs = this.subscriptions;
    this.subscriptions = [];
    await Promise.all(subs.map((s) => s.close().catch(() => undefined)));
  }

  private keep(subscription: Subscription): void {
    // A socket that closed while subscribing must not leave its subscription behind.
    if (this.closed) void subscription.close().catch(() => undefined);
    else this.subscriptions.push(subscription);
  }

  private drop(): void {
    this.dropped++;
    this.onDropped(1);
  }

  private send(frame: string): void {
    if (this.ws.readyState !== OPEN) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.ws.terminate();
      return;
    }
    this.ws.send(frame);
  }
}
