import { commitIdSchema, repoPathSchema } from '@imad/contracts';
import { z } from 'zod';

export const readFileQuerySchema = z.strictObject({
  path: repoPathSchema.meta({ description: 'File path relative to the workspace root, e.g. server.js' }),
  commit: commitIdSchema.optional().meta({ description: 'Read the file as it was at this commit (default HEAD)' }),
});

export const fileBodySchema = z.object({
  path: z.string(),
  content: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  binary: z.boolean(),
  blobId: z.string(),
  size: z.number().int().nonnegative(),
});
