import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Logger } from '@imad/observability';
import { pages } from './router-pages';
import { forwarded, html } from './router-http';

/** Read at request time, so a restarting app shows the starting page without a map update. */
export interface Route {
  readonly state: 'running' | 'starting' | 'down';
  readonly port?: number;
}

/**
 * The embedded default's app router: `<app>.<APPS_DOMAIN>[:port]` by Host header to the
 * app's current process, WebSockets included. Unknown app → 404 page; known but not
 * running (first start, restarting) → 503 "starting" page with Retry-After; its last
 * deploy failed and nothing runs → 503 "down" page. A swap to a
 * new revision is one map update: requests already proxied finish on the old process.
 */
export class AppRouter {
  private readonly routes = new Map<string, Route>();
  private server: Server | undefined;

  constructor(
    private readonly domain: string,
    private readonly logger: Logger,
  ) {}

  set(app: string, route: Route): void {
    this.routes.set(app, route);
  }

  get(app: string): Route | undefined {
    return this.routes.get(app);
  }

  delete(app: string): void {
    this.routes.delete(app);
  }

  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    const server = createServer((req, res) => this.onRequest(req, res));
    server.on('upgrade', (req, socket: Socket, head) => this.onUpgrade(req, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    return (server.address() as { port: number }).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The app named by a Host header, or undefined when the host is not one of ours. */
  appOf(host: string | undefined): string | undefined {
    const name = (host ?? '').toLowerCase().replace(/:\d+$/, '');
    if (!name.endsWith(`.${this.domain}`)) return undefined;
    const label = name.slice(0, -(this.domain.length + 1));
    return /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(label) ? label : undefined;
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const app = this.appOf(req.headers.host);
    if (!app) return html(res, 404, pages.noSite(this.domain));
    const route = this.routes.get(app);
    if (!route) return html(res, 404, pages.notFound(app, this.domain));
    if (route.state === 'down') return html(res, 503, pages.down(app));
    if (route.state !== 'running' || !route.port) return html(res, 503, pages.starting(app), { 'retry-after': '2' });
    const upstream = request(
      { host: '127.0.0.1', port: route.port, method: req.method, path: req.url, headers: forwarded(req) },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.statusMessage, up.rawHeaders);
        up.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      this.logger.debug({ err: error, app }, 'app did not answer');
      if (!res.headersSent) html(res, 502, pages.unreachable(app));
      else res.destroy();
    });
    req.pipe(upstream);
  }

  private onUpgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const app = this.appOf(req.headers.host);
    const route = app ? this.routes.get(app) : undefined;
    if (!route || route.state !== 'running' || !route.port) {
      socket.end(`HTTP/1.1 ${route ? '503 Service Unavailable' : '404 Not Found'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const upstream = connect(route.port, '127.0.0.1', () => {
      const headers = forwarded(req);
      const lines = [`${req.method} ${req.url} HTTP/1.1`, ...Object.entries(headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k}: ${x}`) : [`${k}: ${v}`]))];
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    const close = () => {
      upstream.destroy();
      socket.destroy();
    };
    upstream.on('error', close);
    socket.on('error', close);
  }
}
