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
import { LiveGate } from './live-gate';
import { LiveHeartbeat } from './live-heartbeat';
import { LIVE_LIMITS, type LiveLimits } from './live-limits';
import { LiveMetrics } from './live-metrics';
import { LiveRoster } from './live-roster';

/**
 * `/api/live`: plain `ws` on the HTTP server's upgrade event, because the checks belong
 * before the upgrade and answer as HTTP (LiveGate). Every socket shares the status store's
 * single Redis subscriber connection; LiveConnection does the per-socket work.
 */
@Injectable()
export class LiveServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024, perMessageDeflate: false, clientTracking: false });
  private readonly roster: LiveRoster;
  private readonly metrics: LiveMetrics;
  private readonly gate: LiveGate;
  private readonly heartbeat: LiveHeartbeat;

  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(SESSION_PORT) sessions: SessionPort,
    @Inject(STATUS_STORE) private readonly status: StatusPort,
    @Inject(APP_CONFIG) config: Config,
    @Inject(LIVE_LIMITS) private readonly limits: LiveLimits,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(Registry) registry: Registry,
  ) {
    this.metrics = new LiveMetrics(registry);
    this.roster = new LiveRoster(limits.maxSocketsPerStudent, (n) => this.metrics.sockets.set(n));
    this.gate = new LiveGate(new URL(config.PUBLIC_URL).origin, sessions, this.roster, this.metrics, logger);
    this.heartbeat = new LiveHeartbeat(this.roster, sessions, limits);
  }

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      runWithContext({ requestId: randomUUID() }, () => void this.upgrade(req, socket, head));
    });
    this.heartbeat.start();
  }

  /** Tell every browser to reconnect (to another replica) instead of dropping them silently. */
  async beforeApplicationShutdown(): Promise<void> {
    this.heartbeat.stop();
    for (const { ws, connection } of this.roster.all()) {
      ws.close(1012, 'server restarting');
      await connection.close();
    }
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => undefined); // a client vanishing mid-handshake is not our error
    const student = await this.gate.admit(req, socket);
    if (student) this.wss.handleUpgrade(req, socket, head, (ws) => void this.accept(ws, student, req.headers.cookie));
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
}
