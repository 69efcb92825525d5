import type { WebSocket } from 'ws';
import type { SessionPort } from '../ports/session.port';
import type { LiveConnection } from './live-connection';
import type { LiveLimits } from './live-limits';
import { HEARTBEAT_SLICES, type LiveRoster } from './live-roster';

/**
 * Pings every socket once per heartbeat period and cuts the ones that did not answer the
 * last ping (dead TCP, a sleeping laptop); every few beats re-checks the session, so a
 * signed-out student stops receiving (close 4401). Works one roster slice per tick: with
 * thousands of sockets, pinging (and asking Redis about) all of them at once stalled
 * delivery for a second in bench:gateway.
 */
export class LiveHeartbeat {
  private timer?: NodeJS.Timeout;
  private ticks = 0;

  constructor(
    private readonly roster: LiveRoster,
    private readonly sessions: SessionPort,
    private readonly limits: Pick<LiveLimits, 'heartbeatMs' | 'sessionCheckEvery'>,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.sweep(), Math.max(1, Math.floor(this.limits.heartbeatMs / HEARTBEAT_SLICES)));
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sweep(): void {
    for (const { ws, connection } of this.roster.slice(this.ticks++)) {
      if (!connection.alive) {
        ws.terminate();
        continue;
      }
      connection.alive = false;
      ws.ping();
      if (++connection.beats % this.limits.sessionCheckEvery === 0) void this.recheckSession(ws, connection);
    }
  }

  private async recheckSession(ws: WebSocket, connection: LiveConnection): Promise<void> {
    const session = await this.sessions.resolve(connection.cookie).catch(() => undefined);
    // undefined = the lookup failed (Redis blip): keep the socket; null = signed out or expired.
    if (session === null || (session && session.student.userId !== connection.student.userId)) ws.close(4401, 'session expired');
  }
}
