import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { currentContext, LOGGER, type Logger } from '@imad/observability';
import type { Request, Response } from 'express';
import type { Config } from '../config';
import { APP_CONFIG } from '../config.token';
import { forwardable } from './hop-headers';

const UPSTREAM_TIMEOUT_MS = 15_000;

/**
 * `/auth/*` → AUTH_URL, so the browser has one origin and one cookie jar. Streams both
 * ways and passes status, Set-Cookie and redirects through untouched (auth's cookies are
 * host-only, so they land on the gateway's origin). Small on purpose: no retries (sign-in
 * is not idempotent) and a JSON 502/504 when auth cannot be reached.
 */
@Injectable()
export class AuthProxyMiddleware implements NestMiddleware {
  private readonly target: URL;

  constructor(@Inject(APP_CONFIG) config: Config, @Inject(LOGGER) private readonly logger: Logger) {
    this.target = new URL(config.AUTH_URL);
  }

  use(req: Request, res: Response): void {
    const send = this.target.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = forwardable(req.headers);
    headers.host = this.target.host;
    headers['x-forwarded-host'] = req.headers.host ?? '';
    headers['x-forwarded-proto'] = req.protocol;
    headers['x-forwarded-for'] = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    headers['x-request-id'] = currentContext().requestId ?? '';
    const body = consumedBody(req);
    if (body) {
      headers['content-length'] = String(body.length);
      delete headers['transfer-encoding'];
    }
    const upstream = send(
      { protocol: this.target.protocol, hostname: this.target.hostname, port: this.target.port, method: req.method, path: req.originalUrl, headers, timeout: UPSTREAM_TIMEOUT_MS },
      (answer: IncomingMessage) => {
        res.writeHead(answer.statusCode ?? 502, forwardable(answer.headers));
        answer.pipe(res);
      },
    );
    upstream.on('timeout', () => upstream.destroy(Object.assign(new Error('auth did not answer in time'), { code: 'ETIMEDOUT' })));
    upstream.on('error', (error: NodeJS.ErrnoException) => this.fail(res, error));
    res.on('close', () => upstream.destroy());
    if (body) upstream.end(body);
    else req.pipe(upstream);
  }

  private fail(res: Response, error: NodeJS.ErrnoException): void {
    this.logger.warn({ err: error.message, code: error.code }, 'auth proxy: upstream failed');
    if (res.writableEnded || res.destroyed) return;
    if (res.headersSent) return void res.destroy();
    const timeout = error.code === 'ETIMEDOUT';
    res.status(timeout ? 504 : 502).json({
      error: { code: timeout ? 'AUTH.TIMEOUT' : 'AUTH.UNAVAILABLE', message: 'Sign-in is not reachable right now; please try again in a moment.' },
    });
  }
}

/**
 * The platform's JSON body parser runs before any middleware (see @imad/bootstrap), so a
 * JSON body may already have been read from the stream; it is re-sent as the same JSON.
 * Any other body (a form post) is still unread and streams through untouched.
 */
function consumedBody(req: Request): Buffer | undefined {
  if (!req.readableEnded) return undefined;
  return req.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(req.body));
}
