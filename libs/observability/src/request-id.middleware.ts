import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { runWithContext } from './context';

const VALID_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Takes a caller's `x-request-id` when it is sane, else makes one; echoes it back. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const requestId = incoming && VALID_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', requestId);
  runWithContext({ requestId }, () => next());
}
