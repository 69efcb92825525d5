import { z } from 'zod';
import { defineMessage } from './define';
import { appNameSchema, userIdSchema } from './identity';

/**
 * Published by `auth` on a student's first sign-in (or local sign-up), once per account:
 * later sign-ins publish nothing. `repo` provisions their workspace. The envelope id is
 * always `user.registered:<userId>`; a crash between the broker's confirm and auth's own
 * bookkeeping can repeat it, so consumers treat that id (or the userId) as idempotency key.
 * `appName` is final: auth chose it unique and never changes it.
 */
export const UserRegistered = defineMessage(
  'user.registered',
  1,
  z.object({
    userId: userIdSchema,
    login: z.string().min(1).max(100),
    appName: appNameSchema,
    provider: z.enum(['github', 'local']),
  }),
);
