import type { DeployStatus } from '../deploy/deploy-status';
import type { LogLine } from '../api/types';
import { Backoff } from './backoff';

export type LiveMessage =
  | { type: 'status'; status: DeployStatus | null }
  | { type: 'log'; line: LogLine }
  /** The server dropped log lines for this socket under backpressure. */
  | { type: 'log-gap'; dropped: number };

/** Keep-alive: a ping every 25 s; silence for 60 s means the connection is dead (sleeping laptop). */
const PING_MS = 25_000;
const SILENCE_MS = 60_000;
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
  private keepAlive: ReturnType<typeof setInterval> | undefined;
  private lastHeard = 0;

  constructor(private readonly url: string, private readonly handlers: LiveHandlers) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.keepAlive);
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
      this.lastHeard = Date.now();
      clearInterval(this.keepAlive);
      this.keepAlive = setInterval(() => {
        if (Date.now() - this.lastHeard > SILENCE_MS) socket.close(4000, 'no answer');
        else if (socket.readyState === WebSocket.OPEN) socket.send('{"type":"ping"}');
      }, PING_MS);
      this.handlers.state({ state: 'open' });
    };
    socket.onmessage = (event) => {
      this.lastHeard = Date.now();
      const msg = parseLive(String(event.data));
      if (msg) this.handlers.message(msg);
    };
    socket.onclose = () => {
      if (this.socket !== socket || this.stopped) return;
      this.socket = undefined;
      clearInterval(this.keepAlive);
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
  if (d.type === 'log-gap' && typeof d.dropped === 'number') return { type: 'log-gap', dropped: d.dropped };
  return null;
}
