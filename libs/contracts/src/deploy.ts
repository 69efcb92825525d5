import { z } from 'zod';
import { defineMessage } from './define';
import { appNameSchema, commitIdSchema, userIdSchema } from './identity';

export const deployIdSchema = z.string().regex(/^d_[A-Za-z0-9_-]{8,64}$/, 'must be a deploy id (d_…)');

/**
 * Deploy (or undeploy) one app. `revision` increases per app with every request
 * (the gateway takes it from Redis); a worker never applies a revision older than
 * one already applied, and skips one older than the currently desired (superseded).
 */
export const DeployRequested = defineMessage(
  'deploy.requested',
  1,
  z.object({
    deployId: deployIdSchema,
    userId: userIdSchema,
    app: appNameSchema,
    action: z.enum(['deploy', 'undeploy']),
    revision: z.number().int().positive(),
    commit: commitIdSchema.optional(),
    /** Where the runtime clones from (local smart-HTTP URL or GitHub clone URL), without credentials. */
    cloneUrl: z.string().url().optional(),
    requestedAt: z.iso.datetime(),
  }).refine((p) => p.action === 'undeploy' || (p.commit !== undefined && p.cloneUrl !== undefined), {
    message: 'a deploy needs commit and cloneUrl',
    path: ['commit'],
  }),
);

export const deployPhases = ['queued', 'applying', 'rolling-out', 'ready', 'failed', 'superseded', 'removed'] as const;
export const terminalPhases = ['ready', 'failed', 'superseded', 'removed'] as const;
export const failureReasons = ['crash-loop', 'probe-failing', 'image-pull', 'invalid', 'timeout', 'internal'] as const;

export type DeployPhase = (typeof deployPhases)[number];
export type FailureReason = (typeof failureReasons)[number];

/** One status transition of one deploy, as stored in Redis and pushed to the browser. */
export const deployStatusSchema = z.object({
  deployId: deployIdSchema,
  app: appNameSchema,
  revision: z.number().int().positive(),
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
