import { KubernetesObjectApi, PatchStrategy, type KubeConfig, type KubernetesObject, type V1Status } from '@kubernetes/client-node';

export interface ApplyOptions {
  fieldManager: string;
  /** Take over fields other managers own instead of failing with 409 Conflict. */
  force?: boolean;
  dryRun?: boolean;
}

/** Server-side apply (PATCH, application/apply-patch+yaml) of any object. */
export function serverSideApply<T extends KubernetesObject>(kubeConfig: KubeConfig, object: T, options: ApplyOptions): Promise<T> {
  const client = KubernetesObjectApi.makeApiClient(kubeConfig);
  return client.patch(
    object,
    undefined,
    options.dryRun ? 'All' : undefined,
    options.fieldManager,
    options.force,
    PatchStrategy.ServerSideApply,
  );
}

/**
 * The HTTP code and the API server's Status object behind a failed call. client-node's
 * ApiException carries the response body as text; this parses it.
 */
export function kubeStatusOf(error: unknown): { code: number; status: V1Status } | undefined {
  const e = error as { code?: unknown; body?: unknown };
  if (typeof e?.code !== 'number') return undefined;
  let status: V1Status = {};
  if (typeof e.body === 'string') {
    try {
      status = JSON.parse(e.body) as V1Status;
    } catch {
      status = { message: e.body };
    }
  } else if (e.body && typeof e.body === 'object') {
    status = e.body as V1Status;
  }
  return { code: e.code, status };
}
