import { commitIdSchema, repoPathSchema } from '@imad/contracts';
import { z } from 'zod';

/** The same change kinds as `repo.commit`, strict, with the path rules checked here first. */
export const changeSchema = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('upsert'),
    path: repoPathSchema,
    content: z.string(),
    encoding: z.enum(['utf8', 'base64']).default('utf8'),
  }),
  z.strictObject({ op: z.literal('delete'), path: repoPathSchema }),
  z.strictObject({ op: z.literal('rename'), from: repoPathSchema, to: repoPathSchema }),
]);

export const saveCommitBodySchema = z.strictObject({
  baseCommit: commitIdSchema.meta({ description: 'The HEAD the edits were made on (from the tree); a moved branch is merged or answered with 409' }),
  message: z.string().trim().min(1, 'must not be empty').max(2000),
  changes: z.array(changeSchema).min(1, 'must contain at least one change').max(1000),
});

export type SaveCommitBody = z.infer<typeof saveCommitBodySchema>;

export const commitResultSchema = z.object({
  commit: commitIdSchema,
  parent: commitIdSchema,
  unchanged: z.boolean().optional().meta({ description: 'True when the save changed nothing (no new commit)' }),
});
