import os from 'node:os';
import path from 'node:path';
import { env, loadConfig } from '@imad/config';
import { z } from 'zod';
import { label, labelMap, list, quantity } from './config-parsers';

/**
 * Everything the deployer reads from its environment, checked once at start-up.
 * Names follow docs/WORKSPACE.md "Platform configuration"; the rest is the deployer's own.
 */
export const configSchema = z.object({
  HTTP_PORT: env.port().default(3003),
  AMQP_URL: env.url(['amqp', 'amqps']),
  REDIS_URL: env.url(['redis', 'rediss']),
  RUNTIME: z.enum(['local', 'kubernetes']).default('local'),
  /** Local runtime: checkouts, dependency cache and the state that survives a restart. */
  DATA_DIR: z.string().min(1).default(path.join(process.env.IMAD_STATE_DIR ?? path.join(os.homedir(), '.local/state/imad'), 'data')),
  /** Shared with the repo service: per-app clone password = HMAC-SHA256(secret, app). */
  GIT_READ_SECRET: z.string().min(16, 'must be at least 16 characters'),
  APPS_DOMAIN: z.string().regex(/^[a-z0-9.-]+$/, 'must be a domain name').default('apps.localhost'),
  APPS_ROUTER_PORT: env.port().default(8081),
  /** Public URL of an app; `{app}` is replaced by its name. */
  APPS_URL_TEMPLATE: z.string().includes('{app}', { message: 'must contain {app}' }).default('http://{app}.apps.localhost:8081/'),
  /** Deploy requests handled at once by one worker (RabbitMQ prefetch). */
  PREFETCH: env.int(1, 1000).default(20),
  /** First delay before a deploy that failed transiently is retried (doubles up to 30 s). */
  DEPLOY_RETRY_BACKOFF_MS: env.int(10, 60_000).default(1_000),
  /** The queue consumed; only tests and side-by-side installs change it. */
  DEPLOY_QUEUE: z.string().min(1).default('deployer.requests'),
  // --- kubernetes runtime ---
  /** Path to a kubeconfig; unset = in-cluster service account. */
  KUBECONFIG: z.string().optional(),
  /** App namespaces (shards), comma-separated, in the chart's order. */
  APP_NAMESPACES: list(label, 'must be comma-separated namespace names').optional(),
  /** The chart's name for APP_NAMESPACES, read when APP_NAMESPACES is not set. */
  APPS_NAMESPACES: list(label, 'must be comma-separated namespace names').optional(),
  APP_IMAGE: z.string().min(1).default('node:22-alpine'),
  GIT_IMAGE: z.string().min(1).default('alpine/git:2.47.2'),
  APP_COMMAND: z.string().min(1).default('npm start').transform((v) => v.split(/\s+/)),
  APP_PORT: env.port().default(8080),
  APP_CPU_REQUEST: quantity('APP_CPU_REQUEST').default('25m'),
  APP_CPU_LIMIT: quantity('APP_CPU_LIMIT').default('500m'),
  APP_MEMORY_REQUEST: quantity('APP_MEMORY_REQUEST').default('64Mi'),
  APP_MEMORY_LIMIT: quantity('APP_MEMORY_LIMIT').default('256Mi'),
  /** Optional: a dedicated scheduler for student pods. */
  APP_SCHEDULER_NAME: z.string().regex(label).optional(),
  /** Where the router runs; the only source an app's NetworkPolicy admits. */
  ROUTER_NAMESPACE: z.string().regex(label).default('imad'),
  ROUTER_POD_LABELS: labelMap.default({ 'app.kubernetes.io/name': 'imad', 'app.kubernetes.io/component': 'router' }),
  /** Client-side rate limit toward the API server: steady requests/s and burst. */
  KUBE_QPS: env.int(1, 10_000).default(50),
  KUBE_BURST: env.int(1, 10_000).default(100),
  /** A rollout not Available after this long fails with `timeout` (progressDeadlineSeconds). */
  ROLLOUT_TIMEOUT_SECONDS: env.int(10, 3600).default(300),
  /** Local runtime: an app must answer HTTP on its PORT within this long (else `probe-failing`). */
  APP_START_TIMEOUT_SECONDS: env.int(1, 600).default(30),
  /** Kubernetes: after a deploy is ready, its output is followed live for this long. */
  LOG_FOLLOW_SECONDS: env.int(0, 86_400).default(300),
  /** Kubernetes: live log follows open at once per worker. */
  LOG_FOLLOW_MAX: env.int(0, 10_000).default(200),
  /** Ready pods whose readiness probe fails this long fail the deploy with `probe-failing`. */
  PROBE_FAILING_SECONDS: env.int(5, 3600).default(60),
});

export type Config = z.infer<typeof configSchema>;

export const loadServiceConfig = (source: NodeJS.ProcessEnv = process.env): Config => loadConfig(configSchema, source);

export function appNamespaces(config: Config): string[] {
  return config.APP_NAMESPACES ?? config.APPS_NAMESPACES ?? ['apps-0'];
}

export function appUrl(config: Pick<Config, 'APPS_URL_TEMPLATE'>, app: string): string {
  return config.APPS_URL_TEMPLATE.replaceAll('{app}', app);
}
