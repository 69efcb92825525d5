import { isIP } from 'node:net';
import { env, loadConfig } from '@imad/config';
import { keyringSchema } from '@imad/token-vault';
import { z } from 'zod';

const DAY = 86_400;

/** docker-compose and charts pass unset variables as "": treat that as not set. */
const unsetIfBlank = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' ? undefined : v), schema);

const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyEntry = (entry: string): boolean => {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};

/**
 * Who may tell auth the student's address in X-Forwarded-For (Express 'trust proxy'): the
 * gateway and whatever sits in front of it. Addresses, CIDR ranges, or loopback/linklocal/uniquelocal.
 */
const trustedProxies = z
  .string()
  .transform((s) => s.split(',').map((e) => e.trim()).filter(Boolean))
  .refine((list) => list.length > 0 && list.every(isProxyEntry), 'must be a comma-separated list of IP addresses, CIDR ranges, or loopback, linklocal, uniquelocal');

/** Everything auth reads from its environment, checked once at start-up. */
export const configSchema = z
  .object({
    HTTP_PORT: env.port().default(3001),
    AMQP_URL: env.url(['amqp', 'amqps']),
    REDIS_URL: env.url(['redis', 'rediss']),
    /** The origin the browser sees (the gateway): cookies, redirects and the OAuth callback derive from it. */
    PUBLIC_URL: env.url(['http', 'https']),
    AUTH_PROVIDER: z.enum(['local', 'github']).default('local'),
    GITHUB_CLIENT_ID: unsetIfBlank(z.string().optional()),
    GITHUB_CLIENT_SECRET: unsetIfBlank(z.string().optional()),
    /** Web host of GitHub (authorize + token exchange); GitHub Enterprise: https://ghe.example.com */
    GITHUB_BASE_URL: unsetIfBlank(env.url(['http', 'https']).default('https://github.com')),
    /** REST API base; derived from GITHUB_BASE_URL when unset (api.github.com, or <base>/api/v3 on GHES). */
    GITHUB_API_URL: unsetIfBlank(env.url(['http', 'https']).optional()),
    GITHUB_TIMEOUT_MS: env.int(100, 120_000).default(10_000),
    /** id:hex64[,id:hex64…]; the first encrypts. Required with AUTH_PROVIDER=github. */
    TOKEN_ENCRYPTION_KEYS: unsetIfBlank(keyringSchema.optional()),
    /** Idle timeout of a session (sliding); the absolute lifetime is 30 days. */
    SESSION_TTL_SECONDS: env.int(1, 30 * DAY).default(7 * DAY),
    TRUSTED_PROXIES: unsetIfBlank(trustedProxies.default(['loopback', 'linklocal', 'uniquelocal'])),
  })
  .superRefine((c, ctx) => {
    if (c.AUTH_PROVIDER !== 'github') return;
    for (const variable of ['GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET', 'TOKEN_ENCRYPTION_KEYS'] as const) {
      if (c[variable] === undefined) ctx.addIssue({ code: 'custom', path: [variable], message: 'is required when AUTH_PROVIDER=github' });
    }
  });

export type Config = z.infer<typeof configSchema> & { GITHUB_API_URL: string };

export const loadServiceConfig = (source: NodeJS.ProcessEnv = process.env): Config => {
  const config = loadConfig(configSchema, source);
  return { ...config, GITHUB_API_URL: (config.GITHUB_API_URL ?? defaultApiUrl(config.GITHUB_BASE_URL)).replace(/\/+$/, '') };
};

/** github.com → api.github.com; <tenant>.ghe.com → api.<tenant>.ghe.com; GHES → <base>/api/v3. */
export function defaultApiUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.hostname === 'github.com' || url.hostname.endsWith('.ghe.com')) return `${url.protocol}//api.${url.host}`;
  return `${baseUrl.replace(/\/+$/, '')}/api/v3`;
}
