import { CoreV1Api, PatchStrategy, setHeaderOptions, type KubeConfig, type V1ContainerStatus, type V1Pod } from '@kubernetes/client-node';

/**
 * kwok simulates kubelets, so containers never really run: a test makes a pod look the way
 * kubelet would report a failure by writing its status subresource (the pods must not be
 * on a kwok node, or kwok would overwrite it — tests use a scheduler that does not exist).
 */
export async function setPodStatus(kc: KubeConfig, namespace: string, pod: V1Pod, app: Partial<V1ContainerStatus>): Promise<void> {
  const core = kc.makeApiClient(CoreV1Api);
  const now = new Date();
  const done = (name: string): V1ContainerStatus => ({
    name,
    image: 'x',
    imageID: '',
    ready: true,
    restartCount: 0,
    state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: now, finishedAt: now } },
  });
  const status = {
    phase: 'Pending',
    conditions: [
      { type: 'Initialized', status: 'True', lastTransitionTime: now },
      { type: 'Ready', status: 'False', lastTransitionTime: now },
      { type: 'ContainersReady', status: 'False', lastTransitionTime: now },
    ],
    initContainerStatuses: [done('clone'), done('install')],
    containerStatuses: [{ name: 'app', image: 'x', imageID: '', ready: false, restartCount: 0, ...app }],
  };
  await core.patchNamespacedPodStatus(
    { namespace, name: pod.metadata!.name!, body: { status } },
    setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
  );
}

export async function podsOf(kc: KubeConfig, namespace: string, objectName: string): Promise<V1Pod[]> {
  const list = await kc.makeApiClient(CoreV1Api).listNamespacedPod({ namespace, labelSelector: `app.kubernetes.io/instance=${objectName}` });
  return list.items;
}
