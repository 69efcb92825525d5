import { env, loadConfig } from '@imad/config';
import { z } from 'zod';

/** Everything deployer reads from its environment, checked once at start-up. */
export const configSchema = z.object({
  HTTP_PORT: env.port().default(3003),
  AMQP_URL: env.url(['amqp', 'amqps']),
  REDIS_URL: env.url(['redis', 'rediss']),
});

export type Config = z.infer<typeof configSchema>;

export const loadServiceConfig = (source: NodeJS.ProcessEnv = process.env): Config => loadConfig(configSchema, source);
