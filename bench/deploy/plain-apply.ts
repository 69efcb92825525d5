import { KubernetesObjectApi, PatchStrategy, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node';
import { appObjects, defaultManifestConfig, type ManifestConfig } from '@imad/k8s-manifests';
import { round } from './stats';

/**
 * The ceiling: the same objects the pipeline applied (per app: Secret, Deployment, Service,
 * NetworkPolicy once, then one Deployment per further applied deploy), applied with
 * server-side apply from a plain loop — no queue, no Redis, no rate limiter, no reads.
 */
export async function plainApplyRate(kubeConfig: KubeConfig, namespace: string, apps: string[], extraDeployments: number, concurrency: number): Promise<{ objects: number; seconds: number; perSecond: number; errors: number }> {
  const config: ManifestConfig = { ...defaultManifestConfig, namespaces: [namespace] };
  const objectsFor = (app: string, revision: number) =>
    appObjects({ app, revision, deployId: `d_plain${String(revision).padStart(6, '0')}`, commit: revision.toString(16).padStart(40, '0'), cloneUrl: 'http://repo/git/x.git', gitCredential: { username: app, password: 'x' } }, config);
  const work: KubernetesObject[] = [];
  for (const app of apps) {
    const o = objectsFor(app, 1);
    work.push(o.secret, o.deployment, o.service, o.networkPolicy);
  }
  for (let i = 0; i < extraDeployments; i++) work.push(objectsFor(apps[i % apps.length]!, 2 + Math.floor(i / apps.length)).deployment);

  const api = KubernetesObjectApi.makeApiClient(kubeConfig);
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < work.length) {
        const o = work[next++]!;
        await api.patch(o, undefined, undefined, 'imad-bench-plain', true, PatchStrategy.ServerSideApply).catch(() => errors++);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { objects: work.length, seconds: round(seconds), perSecond: round(work.length / seconds, 1), errors };
}
