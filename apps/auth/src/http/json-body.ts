import type { Request } from 'express';
import { AppError } from '@imad/contracts';
import type { z } from 'zod';
import { AuthErrors } from '../errors';

/**
 * The request's JSON body, checked against `schema`. Only `application/json` is accepted:
 * a cross-site HTML form cannot send it without a CORS preflight we never grant, which
 * is what keeps sign-in forms from being submitted from another site.
 */
export function jsonBody<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  if (!req.is('application/json')) {
    throw new AppError('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON with Content-Type: application/json.');
  }
  const result = schema.safeParse(req.body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
  throw AuthErrors.invalidField(field, issue.message);
}
