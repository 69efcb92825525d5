import { z } from 'zod';
import { defineMessage, defineRpc } from './define';
import { appNameSchema, commitIdSchema, userIdSchema } from './identity';
import { repoPathInput } from './repo-paths';

export * from './repo-errors';
export * from './repo-paths';

/**
 * Every RPC acts on the calling user's own workspace only: the service resolves the
 * repository from `userId` (mapped at provision), never from anything else in the request.
 * Paths are checked by the service (REPO.INVALID_PATH), see `repoPathProblem`.
 */
export const repoInfoSchema = z.object({
  host: z.enum(['local', 'github']),
  appName: appNameSchema,
  /** `owner/name` on GitHub, `<app>` locally. */
  fullName: z.string(),
  defaultBranch: z.string(),
  head: commitIdSchema,
  /** Where a runtime clones from, without credentials. */
  cloneUrl: z.string().url(),
});
export type RepoInfo = z.infer<typeof repoInfoSchema>;

/** Published by `repo` whenever a provision finishes (first time or already there); consumers must be idempotent. */
export const RepoProvisioned = defineMessage('repo.provisioned', 1, z.object({ userId: userIdSchema, appName: appNameSchema, repo: repoInfoSchema }));

const caller = { userId: userIdSchema };

/** Idempotent: a user has one workspace; asking again (any appName) answers the existing one. */
export const RepoProvision = defineRpc(
  'repo.provision',
  1,
  z.object({ ...caller, login: z.string().min(1).max(100), appName: appNameSchema }),
  repoInfoSchema,
);

/** The workspace and its current HEAD (the gateway resolves "deploy HEAD" with it). */
export const RepoInfoRpc = defineRpc('repo.info', 1, z.object(caller), repoInfoSchema);

export const treeEntrySchema = z.object({ path: z.string(), size: z.number().int().nonnegative(), binary: z.boolean() });
export const RepoTree = defineRpc('repo.tree', 1, z.object(caller), z.object({ head: commitIdSchema, entries: z.array(treeEntrySchema) }));

export const RepoRead = defineRpc(
  'repo.read',
  1,
  z.object({ ...caller, path: repoPathInput, commit: commitIdSchema.optional() }),
  z.object({
    path: z.string(),
    blobId: z.string(),
    size: z.number().int().nonnegative(),
    /** Binary content comes base64-encoded, never re-encoded as text. */
    binary: z.boolean(),
    encoding: z.enum(['utf8', 'base64']),
    content: z.string(),
  }),
);

export const fileChangeSchema = z.discriminatedUnion('op', [
  /** `utf8` when absent. */
  z.object({ op: z.literal('upsert'), path: repoPathInput, content: z.string(), encoding: z.enum(['utf8', 'base64']).optional() }),
  z.object({ op: z.literal('delete'), path: repoPathInput }),
  z.object({ op: z.literal('rename'), from: repoPathInput, to: repoPathInput }),
]);
export type FileChange = z.infer<typeof fileChangeSchema>;
/** Same as FileChange (kept for callers that name the input side). */
export type FileChangeInput = z.input<typeof fileChangeSchema>;

/** details of REPO.CONFLICT: the current head and the files changed on both sides (blob ids at base and at head). */
export const conflictDetailsSchema = z.object({
  head: commitIdSchema,
  files: z.array(z.object({ path: z.string(), base: z.string().optional(), theirs: z.string().optional() })),
});
export type ConflictDetails = z.infer<typeof conflictDetailsSchema>;

/**
 * Save several files as one commit on top of `baseCommit`. If the branch moved since and
 * none of the saved files changed meanwhile, the commit goes on top of the new head
 * (`parent` says which); if any did, REPO.CONFLICT. A save that changes nothing makes no
 * commit: `unchanged: true` and `commit` = `parent` = head.
 */
export const RepoCommit = defineRpc(
  'repo.commit',
  1,
  z.object({ ...caller, baseCommit: commitIdSchema, message: z.string().min(1).max(2000), changes: z.array(fileChangeSchema).min(1) }),
  z.object({ commit: commitIdSchema, parent: commitIdSchema, unchanged: z.boolean().optional() }),
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
  /** `limit`: 50 when absent. */
  z.object({ ...caller, path: repoPathInput.optional(), limit: z.number().int().min(1).max(200).optional() }),
  z.object({ commits: z.array(commitSummarySchema) }),
);

/** Unified diff from `from` to `to` (whole repo or one path); binary files as "Binary files differ". */
export const RepoDiff = defineRpc(
  'repo.diff',
  1,
  z.object({ ...caller, from: commitIdSchema, to: commitIdSchema, path: repoPathInput.optional() }),
  z.object({ diff: z.string(), truncated: z.boolean().optional() }),
);

/** A new commit on top of `baseCommit` whose tree equals `commit`'s; history is kept, never rewritten. */
export const RepoRevert = defineRpc(
  'repo.revert',
  1,
  z.object({ ...caller, commit: commitIdSchema, baseCommit: commitIdSchema }),
  z.object({ commit: commitIdSchema, parent: commitIdSchema, unchanged: z.boolean().optional() }),
);
