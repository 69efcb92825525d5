import { z } from 'zod';
import { defineMessage } from './define';
import { appNameSchema, userIdSchema } from './identity';

/** Published by `auth` once, on a student's first sign-in. `repo` provisions their workspace. */
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
