import { z } from 'zod';

/** Like GitHub logins: it becomes the student's app name, so keep it DNS-friendly. */
export const usernameSchema = z
  .string({ error: 'is required' })
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{1,37}[A-Za-z0-9])$/, 'must be 3-39 letters, digits or hyphens, not starting or ending with a hyphen');

export const signUpSchema = z.object(
  {
    username: usernameSchema,
    password: z.string({ error: 'is required' }).min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters'),
  },
  { error: 'must be a JSON object with username and password' },
);

/** Sign-in checks only sizes: a rule broken here must not hint at which accounts exist. */
export const signInSchema = z.object(
  {
    username: z.string({ error: 'is required' }).min(1, 'is required').max(100, 'must be at most 100 characters'),
    password: z.string({ error: 'is required' }).min(1, 'is required').max(200, 'must be at most 200 characters'),
  },
  { error: 'must be a JSON object with username and password' },
);

export type Credentials = z.infer<typeof signInSchema>;
