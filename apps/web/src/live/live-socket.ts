import type { DeployStatus } from '../deploy/deploy-status';
import type { LogLine } from '../api/types';
import { Backoff } from './backoff';

export type LiveMessage = { type: 'status'; status: DeployStatus | null } | { type: 'log'; line: LogLine };
export type LiveState = { state: 'connecting' } | { state: 'open' } | { state: 'closed'; retryInMs: number };

export interface LiveHandlers {
  message(msg: LiveMessage): void;
  state(state: LiveState): void;
  /** Asked before each reconnect; false stops retrying (signed out). */
  shouldReconnect?(): Promise<boolean>;
}

/**
 * `/api/live`: status and log lines of the student's app. Reconnects with jittered
 * back-off; the server sends the current status first on every connect, so nothing is
 * missed while the socket was down.
 */
export class LiveSocket {
  private socket: WebSocket | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private readonly backoff = new Backoff(500, 30_000);

  constructor(private readonly url: string, private readonly handlers: LiveHandlers) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.socket?.close(1000, 'bye');
    this.socket = undefined;
  }

  /** Reconnect now (after the student signed in again, or the browser came back online). */
  reconnectNow(): void {
    if (this.stopped || this.socket?.readyState === WebSocket.OPEN) return;
    clearTimeout(this.timer);
    this.backoff.reset();
    this.connect();
  }

  private connect(): void {
    this.handlers.state({ state: 'connecting' });
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.backoff.reset();
      this.handlers.state({ state: 'open' });
    };
    socket.onmessage = (event) => {
      const msg = parseLive(String(event.data));
      if (msg) this.handlers.message(msg);
    };
    socket.onclose = () => {
      if (this.socket !== socket || this.stopped) return;
      this.socket = undefined;
      const delay = this.backoff.next();
      this.handlers.state({ state: 'closed', retryInMs: delay });
      this.timer = setTimeout(async () => {
        if (this.stopped) return;
        const again = this.handlers.shouldReconnect ? await this.handlers.shouldReconnect().catch(() => true) : true;
        if (again && !this.stopped) this.connect();
      }, delay);
    };
  }
}

/** Parse one frame; unknown or malformed frames are ignored (newer servers may send more). */
export function parseLive(raw: string): LiveMessage | null {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  if (d.type === 'status') {
    const s = d.status as DeployStatus | null | undefined;
    return { type: 'status', status: s && typeof s === 'object' && typeof s.phase === 'string' ? s : null };
  }
  if (d.type === 'log') {
    const line = d.line;
    if (typeof line === 'string') return { type: 'log', line: { line } };
    if (line && typeof line === 'object' && typeof (line as LogLine).line === 'string') return { type: 'log', line: line as LogLine };
  }
  return null;
}
