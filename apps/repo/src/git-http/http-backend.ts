import { spawn } from 'node:child_process';
import type { Request, Response } from 'express';
import type { Logger } from '@imad/observability';

export interface BackendRequest {
  projectRoot: string;
  /** `/<app>.git/info/refs` or `/<app>.git/git-upload-pack`. */
  pathInfo: string;
  req: Request;
  res: Response;
  logger: Logger;
}

// Passed as GIT_CONFIG_* so they hold whatever the repository's own config says.
const FORCED_CONFIG: [string, string][] = [
  ['http.receivepack', 'false'], // read-only, even if something sets REMOTE_USER
  ['http.getanyfile', 'false'], // no dumb-protocol object downloads
  ['uploadpack.allowReachableSHA1InWant', 'true'], // runtimes fetch one exact commit
  ['uploadpack.allowFilter', 'true'],
];

/**
 * Runs `git http-backend` as a CGI for one smart-HTTP request: the request body goes to
 * its stdin (gzip is handled by git itself), its CGI headers become the response's.
 */
export function runHttpBackend({ projectRoot, pathInfo, req, res, logger }: BackendRequest): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_PROJECT_ROOT: projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: pathInfo,
    REQUEST_METHOD: req.method,
    QUERY_STRING: new URL(req.originalUrl, 'http://x').search.slice(1),
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
    ...(req.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: String(req.headers['content-encoding']) } : {}),
    ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
    REMOTE_ADDR: req.socket.remoteAddress ?? '',
    GIT_CONFIG_COUNT: String(FORCED_CONFIG.length),
    ...Object.fromEntries(FORCED_CONFIG.flatMap(([k, v], i) => [[`GIT_CONFIG_KEY_${i}`, k], [`GIT_CONFIG_VALUE_${i}`, v]])),
  };
  return new Promise((resolve) => {
    const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'], timeout: 10 * 60_000 });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8').slice(0, 4000)));
    child.on('error', (error) => {
      logger.error({ err: error }, 'could not start git http-backend');
      if (!res.headersSent) res.status(500).end();
      resolve();
    });
    req.pipe(child.stdin).on('error', () => undefined);
    let head = Buffer.alloc(0);
    let headersDone = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) return void res.write(chunk);
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n') >= 0 ? head.indexOf('\r\n\r\n') + 4 : head.indexOf('\n\n') >= 0 ? head.indexOf('\n\n') + 2 : -1;
      if (end < 0) return;
      headersDone = true;
      writeCgiHeaders(res, head.subarray(0, end).toString('latin1'));
      if (end < head.length) res.write(head.subarray(end));
    });
    child.on('close', (code) => {
      if (code !== 0) logger.warn({ code, stderr: stderr.trim() }, 'git http-backend exited with an error');
      if (!headersDone && !res.headersSent) res.status(500);
      res.end();
      resolve();
    });
    // A client that goes away stops the backend too.
    res.on('close', () => child.kill());
  });
}

function writeCgiHeaders(res: Response, block: string): void {
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') res.status(Number.parseInt(value, 10) || 500);
    else res.setHeader(name, value);
  }
}
