import { deployStatusSchema } from '@imad/contracts';
import { z } from 'zod';

/** `202` of POST /api/deploys and DELETE /api/app: the deploy id at once, its status as written. */
export const deployAcceptedSchema = z.object({
  deployId: z.string(),
  revision: z.number().int().positive(),
  status: deployStatusSchema.meta({ description: 'The deploy status (phase queued, or the phase reached when coalesced)' }),
  coalesced: z
    .boolean()
    .optional()
    .meta({ description: 'True when the same deploy was already on its way and no new one was queued' }),
});

export type DeployAccepted = z.infer<typeof deployAcceptedSchema>;
