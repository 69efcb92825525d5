import { commitIdSchema } from '@imad/contracts';
import { z } from 'zod';

export const requestDeployBodySchema = z.strictObject({
  commit: commitIdSchema.optional().meta({ description: 'A commit of your history to deploy (a rollback); default HEAD' }),
});

export type RequestDeployBody = z.infer<typeof requestDeployBodySchema>;
