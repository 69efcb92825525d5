import { env, loadConfig } from '@imad/config';
import { z } from 'zod';

/** Everything editor-gateway reads from its environment, checked once at start-up. */
export const configSchema = z.object({
  HTTP_PORT: env.port().default(8080),
  AMQP_URL: env.url(['amqp', 'amqps']),
  REDIS_URL: env.url(['redis', 'rediss']),
  /** The browser's only origin; WebSocket upgrades from any other Origin are refused. */
  PUBLIC_URL: env.url(['http', 'https']).default('http://localhost:8080'),
  /** Where `/auth/*` is reverse-proxied to, so the browser sees one origin and one cookie jar. */
  AUTH_URL: env.url(['http', 'https']).default('http://127.0.0.1:3001'),
  /** The built IDE (static files); relative paths are resolved against the working directory. */
  WEB_DIST_DIR: z.string().min(1).default('dist/apps/web'),
  /** The student's app link: `{app}` is replaced by the app name. */
  APPS_URL_TEMPLATE: z
    .string()
    .refine((v) => v.includes('{app}'), 'must contain {app}')
    .refine((v) => URL.canParse(v.replace('{app}', 'x')), 'must be a URL once {app} is filled in')
    .default('http://{app}.apps.localhost:8081/'),
  /** Session idle timeout; must equal auth's, because the gateway slides sessions forward too. */
  SESSION_TTL_SECONDS: env.int(1, 30 * 86_400).default(7 * 86_400),
  /** Deploy requests per student per minute (burst of the same size); more get 429 with Retry-After. */
  DEPLOY_RATE_PER_MINUTE: env.int(1, 600).default(6),
  /** Saves (commits, reverts) per student per minute (burst of the same size). */
  SAVE_RATE_PER_MINUTE: env.int(1, 6000).default(60),
});

export type Config = z.infer<typeof configSchema>;

export const loadServiceConfig = (source: NodeJS.ProcessEnv = process.env): Config => loadConfig(configSchema, source);

/** The public link of one student's app. */
export function appUrl(config: Pick<Config, 'APPS_URL_TEMPLATE'>, app: string): string {
  return config.APPS_URL_TEMPLATE.replaceAll('{app}', app);
}
