import { z } from 'zod';

/** The body of every failed `/api` call (documented once, referenced by every route). */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().meta({ description: 'Stable code, e.g. REPO.CONFLICT, AUTH.SESSION_EXPIRED, REQUEST.INVALID' }),
    message: z.string().meta({ description: 'A sentence a student can act on' }),
    field: z.string().optional().meta({ description: 'The request field at fault, e.g. changes.0.path' }),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
