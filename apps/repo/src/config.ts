import path from 'node:path';
import { env, loadConfig } from '@imad/config';
import { keyringSchema } from '@imad/token-vault';
import { z } from 'zod';

// apps/repo/src (tests, run-ts) and dist/apps/repo (the bundle) are both three levels below the root.
const defaultTemplateDir = path.resolve(import.meta.dirname, '../../../templates/node-starter');

/** Everything repo reads from its environment, checked once at start-up. */
export const configSchema = z
  .object({
    HTTP_PORT: env.port().default(3002),
    AMQP_URL: env.url(['amqp', 'amqps']),
    REDIS_URL: env.url(['redis', 'rediss']),
    GITHOST: z.enum(['local', 'github']).default('local'),
    /** Local GitHost: bare repositories under `<DATA_DIR>/repos`. */
    DATA_DIR: z.string().min(1).optional(),
    /** Base of the smart-HTTP clone URLs handed to runtimes: `<GIT_HTTP_URL>/<app>.git`. */
    GIT_HTTP_URL: env.url(['http', 'https']).default('http://127.0.0.1:3002/git'),
    /** Key of the per-app clone password (HMAC-SHA256, see @imad/git-credentials). */
    GIT_READ_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    TEMPLATE_DIR: z.string().min(1).default(defaultTemplateDir),
    MAX_FILE_BYTES: env.int(1, 100 * 1024 * 1024).default(1024 * 1024),
    MAX_FILES_PER_COMMIT: env.int(1, 10_000).default(100),
    GITHUB_API_URL: env.url(['http', 'https']).default('https://api.github.com'),
    /** The course template on GitHub: generated from if it is a template repository, forked otherwise. */
    GITHUB_TEMPLATE_REPO: z.string().regex(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, 'must be owner/name').optional(),
    GITHUB_REQUEST_TIMEOUT_MS: env.int(1000, 120_000).default(15_000),
    TOKEN_ENCRYPTION_KEYS: keyringSchema.optional(),
  })
  .superRefine((c, ctx) => {
    const need = (variable: keyof typeof c, why: string) => {
      if (c[variable] === undefined) ctx.addIssue({ code: 'custom', path: [variable], message: `is required ${why}` });
    };
    if (c.GITHOST === 'local') {
      need('DATA_DIR', 'when GITHOST=local');
      need('GIT_READ_SECRET', 'when GITHOST=local (clone credentials)');
    } else {
      need('GITHUB_TEMPLATE_REPO', 'when GITHOST=github');
      need('TOKEN_ENCRYPTION_KEYS', 'when GITHOST=github (students’ tokens)');
    }
  });

export type Config = z.infer<typeof configSchema>;

export const loadServiceConfig = (source: NodeJS.ProcessEnv = process.env): Config => loadConfig(configSchema, source);
