import path from 'node:path';
import { loadKubeConfig } from '@imad/kube-client';
import { defaultManifestConfig, type ManifestConfig } from '@imad/k8s-manifests';
import type { Logger } from '@imad/observability';
import type { Clock, StatusStore } from '@imad/status';
import type { Redis } from 'ioredis';
import { appNamespaces, type Config } from '../config';
import type { Runtime } from '../core/runtime.port';
import type { DeployerMetrics } from '../metrics/deployer-metrics';
import { KubeApi } from './kubernetes/kube-api';
import { KubernetesRuntime } from './kubernetes/kubernetes-runtime';
import { LocalRuntime } from './local/local-runtime';

export interface RuntimeDeps {
  store: StatusStore;
  redis?: Redis;
  metrics: DeployerMetrics;
  clock: Clock;
  logger: Logger;
}

/** The Runtime driver named by RUNTIME, built from configuration (the only place that knows both). */
export function createRuntime(config: Config, deps: RuntimeDeps): Runtime {
  const logger = deps.logger.child({ component: `runtime-${config.RUNTIME}` });
  if (config.RUNTIME === 'kubernetes') {
    const kubeConfig = loadKubeConfig(config.KUBECONFIG);
    const api = new KubeApi(kubeConfig, { qps: config.KUBE_QPS, burst: config.KUBE_BURST }, deps.metrics, logger);
    return new KubernetesRuntime(api, deps.clock, logger, {
      manifests: manifestConfig(config),
      gitReadSecret: config.GIT_READ_SECRET,
      tracker: { probeFailingMs: config.PROBE_FAILING_SECONDS * 1000 },
      redis: deps.redis,
      logs: deps.store,
      follow: { followMs: config.LOG_FOLLOW_SECONDS * 1000, maxFollows: config.LOG_FOLLOW_MAX },
    });
  }
  return new LocalRuntime(deps.clock, logger, {
    appsDir: path.join(config.DATA_DIR, 'apps'),
    gitReadSecret: config.GIT_READ_SECRET,
    appsDomain: config.APPS_DOMAIN,
    routerPort: config.APPS_ROUTER_PORT,
    logs: deps.store,
    instance: { startTimeoutMs: config.APP_START_TIMEOUT_SECONDS * 1000, settleMs: 500, startAttempts: 3, restartInitialMs: 1_000, restartMaxMs: 30_000 },
  });
}

export function manifestConfig(config: Config): ManifestConfig {
  return {
    ...defaultManifestConfig,
    namespaces: appNamespaces(config),
    appImage: config.APP_IMAGE,
    gitImage: config.GIT_IMAGE,
    command: config.APP_COMMAND,
    port: config.APP_PORT,
    resources: {
      requests: { cpu: config.APP_CPU_REQUEST, memory: config.APP_MEMORY_REQUEST },
      limits: { cpu: config.APP_CPU_LIMIT, memory: config.APP_MEMORY_LIMIT },
    },
    router: { namespaceLabels: { 'kubernetes.io/metadata.name': config.ROUTER_NAMESPACE }, podLabels: config.ROUTER_POD_LABELS },
    progressDeadlineSeconds: config.ROLLOUT_TIMEOUT_SECONDS,
    ...(config.APP_SCHEDULER_NAME ? { schedulerName: config.APP_SCHEDULER_NAME } : {}),
  };
}
