import { AppError, formatIssues } from '@imad/contracts';
import type { z } from 'zod';

/** Stable codes of the status store. */
export const StatusErrors = {
  invalid: (what: string, error: z.ZodError) =>
    new AppError('STATUS.INVALID', `${what} is invalid: ${formatIssues(error)}`, { fields: error.issues.map((i) => i.path.join('.')) }),
  commitRequired: () => new AppError('STATUS.INVALID', 'a deploy request needs the commit to deploy', { fields: ['commit'] }),
  corrupt: (key: string, cause?: unknown) =>
    new AppError('STATUS.CORRUPT', `Redis key ${key} does not hold what the status store wrote there`, { key }, { cause }),
};
