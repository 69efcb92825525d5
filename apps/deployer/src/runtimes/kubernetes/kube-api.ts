import {
  AppsV1Api,
  CoreV1Api,
  KubernetesObjectApi,
  PatchStrategy,
  type KubeConfig,
  type KubernetesObject,
  type V1Deployment,
  type V1DeploymentList,
  type V1PodList,
} from '@kubernetes/client-node';
import type { Logger } from '@imad/observability';
import type { DeployerMetrics } from '../../metrics/deployer-metrics';
import { classifyKubeError, retryDelayMs } from './kube-errors';
import { TokenBucket } from './token-bucket';

export const FIELD_MANAGER = 'imad-deployer';

export interface KubeApiOptions {
  qps: number;
  burst: number;
  /** Tries per call, the first included, for 429/5xx/connection failures. */
  maxAttempts?: number;
}

/**
 * The only door to the API server: every call waits for the rate limiter, and 429, 5xx
 * and connection failures are retried with bounded back-off (honouring Retry-After).
 * Other answers (404, 409, 422…) are thrown unchanged for the caller to tell apart.
 */
export class KubeApi {
  private readonly objects: KubernetesObjectApi;
  private readonly apps: AppsV1Api;
  private readonly core: CoreV1Api;
  private readonly limiter: TokenBucket;
  private readonly maxAttempts: number;

  constructor(
    readonly kubeConfig: KubeConfig,
    options: KubeApiOptions,
    private readonly metrics: DeployerMetrics,
    private readonly logger: Logger,
  ) {
    this.objects = KubernetesObjectApi.makeApiClient(kubeConfig);
    this.apps = kubeConfig.makeApiClient(AppsV1Api);
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.limiter = new TokenBucket(options.qps, options.burst);
    this.maxAttempts = options.maxAttempts ?? 6;
  }

  /** Server-side apply with the deployer's one field manager, forcing ownership. */
  apply<T extends KubernetesObject>(object: T): Promise<T> {
    return this.call('apply', () => this.objects.patch(object, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply));
  }

  /** The Deployment, or undefined on 404 (only 404: any other error is thrown). */
  async readDeployment(namespace: string, name: string): Promise<V1Deployment | undefined> {
    try {
      return await this.call('get', () => this.apps.readNamespacedDeployment({ namespace, name }));
    } catch (error) {
      if (classifyKubeError(error)?.code === 404) return undefined;
      throw error;
    }
  }

  /** Deletes an object; true if it existed. */
  async delete(object: KubernetesObject): Promise<boolean> {
    try {
      await this.call('delete', () => this.objects.delete(object, undefined, undefined, undefined, undefined, 'Background'));
      return true;
    } catch (error) {
      if (classifyKubeError(error)?.code === 404) return false;
      throw error;
    }
  }

  listDeployments(namespace: string, labelSelector: string): Promise<V1DeploymentList> {
    return this.call('list', () => this.apps.listNamespacedDeployment({ namespace, labelSelector }));
  }

  listPods(namespace: string, labelSelector: string): Promise<V1PodList> {
    return this.call('list', () => this.core.listNamespacedPod({ namespace, labelSelector }));
  }

  podLog(namespace: string, name: string, container: string, tailLines: number, previous: boolean): Promise<string> {
    return this.call('log', () => this.core.readNamespacedPodLog({ namespace, name, container, tailLines, previous }));
  }

  /** Waits for the rate limiter (watches too: opening one is a request). */
  async admit(): Promise<void> {
    const started = performance.now();
    await this.limiter.take();
    this.metrics.rateLimitWait.observe((performance.now() - started) / 1000);
  }

  private async call<T>(verb: string, fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await this.admit();
      try {
        const result = await fn();
        this.metrics.kubeRequests.inc({ verb, code: '2xx' });
        return result;
      } catch (error) {
        const failure = classifyKubeError(error);
        this.metrics.kubeRequests.inc({ verb, code: failure ? String(failure.code) : 'error' });
        if (!failure?.retryable || attempt >= this.maxAttempts) throw error;
        const delay = retryDelayMs(attempt, failure.retryAfterMs);
        this.metrics.kubeRetries.inc({ cause: failure.cause });
        this.logger.warn({ verb, code: failure.code, attempt, delayMs: Math.round(delay), reason: failure.status.message }, 'API server call failed; retrying');
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }
}
