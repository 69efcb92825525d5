import { z } from 'zod';
import { defineMessage, defineRpc } from './define';
import { appNameSchema, commitIdSchema, userIdSchema } from './identity';

/**
 * A path inside a workspace: relative, forward slashes, no `..`, no `.git`, no NUL.
 * The repo service re-checks every path; this schema gives the early, clear error.
 */
export const repoPathSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((p) => !p.includes('\0'), 'must not contain NUL bytes')
  .refine((p) => !p.startsWith('/') && !/^[A-Za-z]:/.test(p), 'must be relative to the workspace root')
  .refine((p) => !p.split('/').some((seg) => seg === '..' || seg === '.' || seg === ''), 'must not contain "..", "." or empty segments')
  .refine((p) => !p.split('/').some((seg) => seg.toLowerCase() === '.git'), 'must not be inside .git');

export const repoInfoSchema = z.object({
  host: z.enum(['local', 'github']),
  fullName: z.string(),
  defaultBranch: z.string(),
  head: commitIdSchema,
  cloneUrl: z.string().url(),
});

/** Published by `repo` when a student's workspace exists (first time or already there). */
export const RepoProvisioned = defineMessage(
  'repo.provisioned',
  1,
  z.object({ userId: userIdSchema, appName: appNameSchema, repo: repoInfoSchema }),
);

const caller = { userId: userIdSchema };

export const RepoProvision = defineRpc(
  'repo.provision',
  1,
  z.object({ ...caller, login: z.string().min(1).max(100), appName: appNameSchema }),
  repoInfoSchema,
);

export const treeEntrySchema = z.object({ path: z.string(), size: z.number().int().nonnegative(), binary: z.boolean() });
export const RepoTree = defineRpc('repo.tree', 1, z.object(caller), z.object({ head: commitIdSchema, entries: z.array(treeEntrySchema) }));

export const RepoRead = defineRpc(
  'repo.read',
  1,
  z.object({ ...caller, path: repoPathSchema, commit: commitIdSchema.optional() }),
  z.object({
    path: z.string(),
    blobId: z.string(),
    size: z.number().int().nonnegative(),
    binary: z.boolean(),
    encoding: z.enum(['utf8', 'base64']),
    content: z.string(),
  }),
);

export const fileChangeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('upsert'), path: repoPathSchema, content: z.string(), encoding: z.enum(['utf8', 'base64']).default('utf8') }),
  z.object({ op: z.literal('delete'), path: repoPathSchema }),
  z.object({ op: z.literal('rename'), from: repoPathSchema, to: repoPathSchema }),
]);
export type FileChange = z.infer<typeof fileChangeSchema>;

/** Save several files as one commit on top of `baseCommit`; REPO.CONFLICT if the branch moved and files overlap. */
export const RepoCommit = defineRpc(
  'repo.commit',
  1,
  z.object({ ...caller, baseCommit: commitIdSchema, message: z.string().min(1).max(2000), changes: z.array(fileChangeSchema).min(1) }),
  z.object({ commit: commitIdSchema, parent: commitIdSchema }),
);

export const commitSummarySchema = z.object({
  id: commitIdSchema,
  message: z.string(),
  author: z.string(),
  at: z.iso.datetime({ offset: true }),
});

export const RepoHistory = defineRpc(
  'repo.history',
  1,
  z.object({ ...caller, path: repoPathSchema.optional(), limit: z.number().int().min(1).max(200).default(50) }),
  z.object({ commits: z.array(commitSummarySchema) }),
);

export const RepoDiff = defineRpc(
  'repo.diff',
  1,
  z.object({ ...caller, from: commitIdSchema, to: commitIdSchema, path: repoPathSchema.optional() }),
  z.object({ diff: z.string() }),
);

/** A new commit whose tree equals `commit`'s; history is kept, never rewritten. */
export const RepoRevert = defineRpc(
  'repo.revert',
  1,
  z.object({ ...caller, commit: commitIdSchema, baseCommit: commitIdSchema }),
  z.object({ commit: commitIdSchema, parent: commitIdSchema }),
);
