import { z } from 'zod';
import { defineMessage, defineRpc } from './define';
import { appNameSchema, commitIdSchema, userIdSchema } from './identity';

export const deployIdSchema = z.string().regex(/^d_[A-Za-z0-9_-]{8,64}$/, 'must be a deploy id (d_…)');

/**
 * An app as named in a request or a status: safe as part of a Redis key, but not yet
 * checked to be a valid app name (see `deployTargetProblem`). A request for "Bad_Name"
 * still gets a `failed(invalid)` status under that name instead of vanishing.
 */
export const appRefSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'must be 1-100 characters of A-Z, a-z, 0-9, ".", "_" or "-"');

export const deployActions = ['deploy', 'undeploy'] as const;
export type DeployAction = (typeof deployActions)[number];

/**
 * Deploy (or undeploy) one app. `revision` increases per app with every request
 * (the gateway takes it from `StatusStore.requestDeploy`); a worker never applies a
 * revision older than one already applied, and skips one older than the currently
 * desired (superseded). A rollback is a deploy of an earlier commit with a new revision.
 *
 * The payload is deliberately loose about `app` and `commit` (key-safe strings): a request
 * whose app or commit does not validate is still a deploy the student asked for, so it
 * must end as `failed(invalid)` in their status, not vanish into the dead-letter queue.
 * Everything else (ids, revision, action) is checked here and a bad value dead-letters.
 */
export const DeployRequested = defineMessage(
  'deploy.requested',
  1,
  z
    .object({
      deployId: deployIdSchema,
      userId: userIdSchema,
      app: appRefSchema,
      action: z.enum(deployActions),
      revision: z.number().int().positive(),
      commit: z.string().max(128).optional(),
      /** Where the runtime clones from (local smart-HTTP URL or GitHub clone URL), without credentials. */
      cloneUrl: z.string().url().optional(),
      requestedAt: z.iso.datetime(),
    })
    .refine((p) => p.action === 'undeploy' || (p.commit !== undefined && p.cloneUrl !== undefined), {
      message: 'a deploy needs commit and cloneUrl',
      path: ['commit'],
    }),
);

/** Checks what `DeployRequested` leaves loose; returns the problem as a sentence, or undefined. */
export function deployTargetProblem(p: { app: string; commit?: string; action: DeployAction }): string | undefined {
  const app = appNameSchema.safeParse(p.app);
  if (!app.success) return `app name "${p.app.slice(0, 80)}" ${app.error.issues[0]?.message ?? 'is invalid'}`;
  if (p.action === 'deploy') {
    const commit = commitIdSchema.safeParse(p.commit);
    if (!commit.success) return `commit "${String(p.commit).slice(0, 80)}" ${commit.error.issues[0]?.message ?? 'is invalid'}`;
  }
  return undefined;
}

export const deployPhases = ['queued', 'applying', 'rolling-out', 'ready', 'failed', 'superseded', 'removed'] as const;
export const terminalPhases = ['ready', 'failed', 'superseded', 'removed'] as const;
export const failureReasons = ['crash-loop', 'probe-failing', 'image-pull', 'invalid', 'timeout', 'internal'] as const;

export type DeployPhase = (typeof deployPhases)[number];
export type FailureReason = (typeof failureReasons)[number];

/** One status transition of one deploy, as stored in Redis and pushed to the browser. */
export const deployStatusSchema = z.object({
  deployId: deployIdSchema,
  app: appRefSchema,
  revision: z.number().int().positive(),
  action: z.enum(deployActions).optional(),
  /** Absent when the request's commit was itself invalid (then phase is failed(invalid)). */
  commit: commitIdSchema.optional(),
  phase: z.enum(deployPhases),
  reason: z.enum(failureReasons).optional(),
  /** A sentence a student can act on. */
  message: z.string().max(2000).optional(),
  /** Last lines of the app's output, for crash loops. */
  logTail: z.array(z.string().max(2000)).max(50).optional(),
  url: z.string().url().optional(),
  /** Position in the queue while queued during a rush, if known. */
  queuePosition: z.number().int().nonnegative().optional(),
  at: z.iso.datetime(),
});

export type DeployStatus = z.infer<typeof deployStatusSchema>;

export function isTerminal(phase: DeployPhase): boolean {
  return (terminalPhases as readonly string[]).includes(phase);
}

/** What the app should be running: the latest request wins (`imad:app:<app>:desired`). */
export const desiredStateSchema = z.object({
  app: appNameSchema,
  revision: z.number().int().positive(),
  deployId: deployIdSchema,
  userId: userIdSchema,
  action: z.enum(deployActions),
  commit: commitIdSchema.optional(),
  requestedAt: z.iso.datetime(),
});
export type DesiredState = z.infer<typeof desiredStateSchema>;

/** One line of an app's own output (or a platform note about it), for the IDE's log panel. */
export const appLogLineSchema = z.object({
  at: z.iso.datetime(),
  stream: z.enum(['stdout', 'stderr', 'system']),
  line: z.string().max(4000),
});
export type AppLogLine = z.infer<typeof appLogLineSchema>;

/**
 * The last lines of an app's output straight from the runtime (pod log API or the local
 * child process), for when the Redis tail is empty or too short. Served by the deployer.
 */
export const DeployLogs = defineRpc(
  'deployer.logs',
  1,
  z.object({ app: appNameSchema, tail: z.number().int().min(1).max(1000).default(200) }),
  z.object({ lines: z.array(appLogLineSchema) }),
);
