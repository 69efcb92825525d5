import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { LOGGER, runWithContext, type Logger } from '@imad/observability';
import { Registry } from 'prom-client';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Config } from '../config';
import { APP_CONFIG } from '../config.token';
import { SESSION_PORT, type SessionPort, type Student } from '../ports/session.port';
import { STATUS_STORE, type StatusPort } from '../ports/status.port';
import { LiveConnection } from './live-connection';
import { LIVE_LIMITS, type LiveLimits } from './live-limits';
import { LiveMetrics } from './live-metrics';
import { LiveRoster } from './live-roster';
import { refuseUpgrade } from './upgrade-refusal';

export const LIVE_PATH = '/api/live';

/**
 * `/api/live`: plain `ws` on the HTTP server's upgrade event, because the checks belong
 * before the upgrade (Origin, session, per-student cap) and answer as HTTP. Every socket
 * shares the status store's single Redis subscriber connection.
 */
@Injectable()
export class LiveServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024, perMessageDeflate: false, clientTracking: false });
  private readonly roster: LiveRoster;
  private readonly origin: string;
  private readonly metrics: LiveMetrics;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(SESSION_PORT) private readonly sessions: SessionPort,
    @Inject(STATUS_STORE) private readonly status: StatusPort,
    @Inject(APP_CONFIG) config: Config,
    @Inject(LIVE_LIMITS) private readonly limits: LiveLimits,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(Registry) registry: Registry,
  ) {
    this.origin = new URL(config.PUBLIC_URL).origin;
    this.metrics = new LiveMetrics(registry);
    this.roster = new LiveRoster(limits.maxSocketsPerStudent, (n) => this.metrics.sockets.set(n));
  }

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      runWithContext({ requestId: randomUUID() }, () => void this.upgrade(req, socket, head));
    });
    this.timer = setInterval(() => this.heartbeat(), this.limits.heartbeatMs);
    this.timer.unref();
  }

  /** Tell every browser to reconnect (to another replica) instead of dropping them silently. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    for (const { ws, connection } of this.roster.all()) {
      ws.close(1012, 'server restarting');
      await connection.close();
    }
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => undefined); // a client vanishing mid-handshake is not our error
    const refuse = (status: number, code: string, message: string) => {
      this.metrics.refused.inc({ reason: code });
      refuseUpgrade(socket, status, code, message);
    };
    if (new URL(req.url ?? '/', 'http://gateway').pathname !== LIVE_PATH) return refuse(404, 'HTTP.NOT_FOUND', 'WebSockets are served at /api/live only.');
    if (req.headers.origin !== this.origin) {
      return refuse(403, 'AUTH.ORIGIN', `Live updates are only for pages served from ${this.origin}.`);
    }
    let student: Student | undefined;
    try {
      student = (await this.sessions.resolve(req.headers.cookie))?.student;
    } catch (error) {
      this.logger.error({ err: error }, 'session lookup failed during WebSocket upgrade');
      return refuse(503, 'SESSION.UNAVAILABLE', 'Sessions cannot be checked right now; the page will retry.');
    }
    if (!student) return refuse(401, 'AUTH.SESSION_EXPIRED', 'Your session has expired or you are not signed in; sign in again.');
    if (!this.roster.hasRoom(student.userId)) {
      return refuse(429, 'LIVE.TOO_MANY_CONNECTIONS', 'Too many open IDE tabs for this account; close some and reload.');
    }
    const who = student;
    this.wss.handleUpgrade(req, socket, head, (ws) => void this.accept(ws, who, req.headers.cookie));
  }

  private async accept(ws: WebSocket, student: Student, cookie: string | undefined): Promise<void> {
    const connection = new LiveConnection(ws, student, cookie, this.status, this.limits, (n) => this.metrics.droppedLines.inc(n));
    this.roster.add(ws, connection);
    ws.on('pong', () => (connection.alive = true));
    ws.on('message', (data) => connection.onClientMessage(String(data)));
    ws.on('error', () => undefined);
    ws.on('close', () => {
      this.roster.remove(ws);
      void connection.close();
    });
    try {
      await connection.start();
    } catch (error) {
      this.logger.error({ err: error, userId: student.userId }, 'live connection could not subscribe');
      ws.close(1011, 'live updates unavailable; retrying');
    }
  }

  private heartbeat(): void {
    for (const { ws, connection } of this.roster.all()) {
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
