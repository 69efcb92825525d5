import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config';
import { APP_CONFIG } from '../config.token';
import { cacheControlFor, contentTypeFor } from './cache-policy';
import { locateFile, type LocatedFile } from './locate-file';

/** Paths that are never files of the IDE; unknown `/api/*` must reach the JSON 404. */
const RESERVED = /^\/(api|auth)(\/|$)|^\/(healthz|readyz|metrics)$/;

/**
 * The built IDE (apps/web → WEB_DIST_DIR) as static files, with caching headers from
 * cache-policy and ETags for revalidation. Hand-written (a few lines) to keep the
 * gateway's dependencies to what package.json lists.
 */
@Injectable()
export class StaticIdeMiddleware implements NestMiddleware {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: Config) {
    this.root = path.resolve(config.WEB_DIST_DIR);
  }

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    // originalUrl: Nest may mount middleware under a prefix, which would shorten req.path.
    const urlPath = req.originalUrl.split('?')[0] ?? '/';
    if ((req.method !== 'GET' && req.method !== 'HEAD') || RESERVED.test(urlPath)) return next();
    const file = await locateFile(this.root, urlPath);
    if (!file) {
      if (urlPath !== '/') return next();
      res.status(503).type('text/plain').set('Cache-Control', 'no-store').send(`The IDE has not been built (no index.html in ${this.root}); run: npx nx build web`);
      return;
    }
    this.serve(req, res, file);
  }

  private serve(req: Request, res: Response, file: LocatedFile): void {
    const etag = `W/"${file.size.toString(16)}-${file.mtime.getTime().toString(16)}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', file.mtime.toUTCString());
    res.setHeader('Cache-Control', cacheControlFor(file.relative));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (file.relative.endsWith('.html')) {
      res.setHeader('X-Frame-Options', 'DENY');
      res.setHeader('Referrer-Policy', 'same-origin');
    }
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Type', contentTypeFor(file.relative));
    res.setHeader('Content-Length', String(file.size));
    if (req.method === 'HEAD') {
      res.status(200).end();
      return;
    }
    const stream = createReadStream(file.absolute);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }
}
