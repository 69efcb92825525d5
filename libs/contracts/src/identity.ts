import { z } from 'zod';

/** Internal user id (opaque, stable across login renames). */
export const userIdSchema = z.string().regex(/^u_[a-z0-9]{8,40}$/, 'must be an imad user id (u_…)');

/**
 * An app's name is its subdomain (`<app>.apps.<domain>`): a DNS label, lower case,
 * at most 40 characters so prefixed Kubernetes names stay within 63.
 */
export const appNameSchema = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/, 'must be a DNS label: a-z, 0-9 and "-", 1-40 characters, not starting or ending with "-"');

/** A full git object id (SHA-1, or SHA-256 repositories). Abbreviations are refused. */
export const commitIdSchema = z.string().regex(/^([0-9a-f]{40}|[0-9a-f]{64})$/, 'must be a full commit id (40 or 64 hex characters)');

export type UserId = z.infer<typeof userIdSchema>;
export type AppName = z.infer<typeof appNameSchema>;
export type CommitId = z.infer<typeof commitIdSchema>;
