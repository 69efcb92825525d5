import type { Request } from 'express';

/**
 * The student's address for rate limits. Express resolves X-Forwarded-For only through
 * proxies we trust ('trust proxy' = loopback and private networks: the gateway), so a
 * client cannot pick its own address by sending the header.
 */
export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
