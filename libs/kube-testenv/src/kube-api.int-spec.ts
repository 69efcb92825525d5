// Against the real kube-apiserver of scripts/kube-testenv.sh: the behaviour the deployer
// relies on — server-side apply, field-manager conflicts, validation, watches, rollouts.
import { Watch, type KubeConfig, type V1Deployment, type V1Service } from '@kubernetes/client-node';
import { kubeStatusOf, serverSideApply, useTestNamespace } from './index';

const MANAGER = 'imad-test';
const ns = useTestNamespace({ prefix: 'kube-api' });

function deployment(namespace: string, name: string, replicas = 2): V1Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: 'node:22-alpine', ports: [{ containerPort: 3000 }] }] },
      },
    },
  };
}

function service(namespace: string, name: string): V1Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 3000 }] },
  };
}

/** Resolves with the Deployment once a watch sees it Available with every replica updated. */
async function watchUntilAvailable(kubeConfig: KubeConfig, namespace: string, name: string, timeoutMs = 60_000) {
  let abort: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<V1Deployment>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${name} not Available after ${timeoutMs}ms`)), timeoutMs);
      new Watch(kubeConfig)
        .watch(
          `/apis/apps/v1/namespaces/${namespace}/deployments`,
          { fieldSelector: `metadata.name=${name}` },
          (phase, d: V1Deployment) => {
            const available = d.status?.conditions?.some((c) => c.type === 'Available' && c.status === 'True');
            const settled =
              (d.status?.observedGeneration ?? 0) >= (d.metadata?.generation ?? 1) &&
              d.status?.updatedReplicas === d.spec?.replicas &&
              d.status?.availableReplicas === d.spec?.replicas;
            if ((phase === 'ADDED' || phase === 'MODIFIED') && available && settled) resolve(d);
          },
          (err) => reject(err ?? new Error('watch ended before the Deployment was Available')),
        )
        .then((controller) => (abort = controller), reject);
    });
  } finally {
    clearTimeout(timer);
    abort?.abort();
  }
}

describe('kube-apiserver (kube-testenv)', () => {
  it('server-side applies a Deployment and a Service, and a watch sees the Deployment Available', async () => {
    const applied = await serverSideApply(ns.kubeConfig, deployment(ns.name, 'web'), { fieldManager: MANAGER, force: true });
    expect(applied.metadata?.managedFields?.some((f) => f.manager === MANAGER && f.operation === 'Apply')).toBe(true);

    const svc = await serverSideApply(ns.kubeConfig, service(ns.name, 'web'), { fieldManager: MANAGER, force: true });
    expect(svc.spec?.clusterIP).toMatch(/^10\.96\./);

    const ready = await watchUntilAvailable(ns.kubeConfig, ns.name, 'web');
    expect(ready.status?.readyReplicas).toBe(2);
  });

  it('answers 409 Conflict when another field manager applies an owned field without force', async () => {
    await serverSideApply(ns.kubeConfig, deployment(ns.name, 'owned', 2), { fieldManager: MANAGER, force: true });

    const error = await serverSideApply(ns.kubeConfig, deployment(ns.name, 'owned', 5), { fieldManager: 'someone-else' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    const result = kubeStatusOf(error);
    expect(result?.code).toBe(409);
    expect(result?.status.reason).toBe('Conflict');
    expect(result?.status.message).toContain(`conflict with "${MANAGER}"`);
    expect(result?.status.details?.causes).toContainEqual(
      expect.objectContaining({ reason: 'FieldManagerConflict', field: '.spec.replicas' }),
    );

    // With force the other manager takes the field over.
    const forced = await serverSideApply(ns.kubeConfig, deployment(ns.name, 'owned', 5), { fieldManager: 'someone-else', force: true });
    expect(forced.spec?.replicas).toBe(5);
  });

  it("answers 422 Invalid with the offending field's path", async () => {
    const bad = deployment(ns.name, 'bad');
    bad.spec!.template.spec!.containers[0]!.name = 'Not_A_DNS_Label';

    const error = await serverSideApply(ns.kubeConfig, bad, { fieldManager: MANAGER, force: true }).then(
      () => undefined,
      (e: unknown) => e,
    );
    const result = kubeStatusOf(error);
    expect(result?.code).toBe(422);
    expect(result?.status.reason).toBe('Invalid');
    expect(result?.status.message).toContain('spec.template.spec.containers[0].name');
    expect(result?.status.details?.causes).toContainEqual(
      expect.objectContaining({ reason: 'FieldValueInvalid', field: 'spec.template.spec.containers[0].name' }),
    );
  });
});
