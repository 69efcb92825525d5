import { commitIdSchema } from '@imad/contracts';
import { z } from 'zod';

export const revertBodySchema = z.strictObject({
  commit: commitIdSchema.meta({ description: 'The commit whose files to restore (a new commit is made; history is kept)' }),
  baseCommit: commitIdSchema.meta({ description: 'The HEAD the student is looking at' }),
});

export type RevertBody = z.infer<typeof revertBodySchema>;
