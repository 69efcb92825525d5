import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '@imad/observability';
import type { SessionPort, Student } from '../ports/session.port';
import type { LiveMetrics } from './live-metrics';
import type { LiveRoster } from './live-roster';
import { refuseUpgrade } from './upgrade-refusal';

export const LIVE_PATH = '/api/live';

/**
 * The checks before a WebSocket upgrade, answered as HTTP so the browser sees why:
 * path (404), Origin = PUBLIC_URL's (403: a student app on a sibling subdomain must not
 * ride the student's cookie), session (401), sockets per student (429).
 */
export class LiveGate {
  constructor(
    private readonly origin: string,
    private readonly sessions: SessionPort,
    private readonly roster: LiveRoster,
    private readonly metrics: LiveMetrics,
    private readonly logger: Logger,
  ) {}

  /** The student to accept, or undefined once the upgrade has been refused. */
  async admit(req: IncomingMessage, socket: Duplex): Promise<Student | undefined> {
    const refuse = (status: number, code: string, message: string): undefined => {
      this.metrics.refused.inc({ reason: code });
      refuseUpgrade(socket, status, code, message);
      return undefined;
    };
    if (new URL(req.url ?? '/', 'http://gateway').pathname !== LIVE_PATH) return refuse(404, 'HTTP.NOT_FOUND', 'WebSockets are served at /api/live only.');
    if (req.headers.origin !== this.origin) return refuse(403, 'AUTH.ORIGIN', `Live updates are only for pages served from ${this.origin}.`);
    let student: Student | undefined;
    try {
      student = (await this.sessions.resolve(req.headers.cookie))?.student;
    } catch (error) {
      this.logger.error({ err: error }, 'session lookup failed during WebSocket upgrade');
      return refuse(503, 'SESSION.UNAVAILABLE', 'Sessions cannot be checked right now; the page will retry.');
    }
    if (!student) return refuse(401, 'AUTH.SESSION_EXPIRED', 'Your session has expired or you are not signed in; sign in again.');
    if (!this.roster.hasRoom(student.userId)) return refuse(429, 'LIVE.TOO_MANY_CONNECTIONS', 'Too many open IDE tabs for this account; close some and reload.');
    return student;
  }
}
