/** Tunables of the live socket; defaults suit browsers, tests shorten the heartbeat. */
export interface LiveLimits {
  /** Ping every socket this often; one missed pong and it is terminated (dead TCP, sleeping laptop). */
  heartbeatMs: number;
  /** Re-check the session every N heartbeats, so a signed-out or expired session stops receiving. */
  sessionCheckEvery: number;
  /** Above this many unsent bytes on a socket, log lines are dropped (counted, then reported as a gap). */
  logHighWaterBytes: number;
  /** Above this, the socket is cut: the client reconnects and starts again from the current state. */
  maxBufferedBytes: number;
  /** Open sockets per student (tabs); more are refused with 429 so one account cannot hoard connections. */
  maxSocketsPerStudent: number;
}

export const DEFAULT_LIVE_LIMITS: LiveLimits = {
  heartbeatMs: 25_000,
  sessionCheckEvery: 2,
  logHighWaterBytes: 256 * 1024,
  maxBufferedBytes: 4 * 1024 * 1024,
  maxSocketsPerStudent: 8,
};

export const LIVE_LIMITS = Symbol('LIVE_LIMITS');
