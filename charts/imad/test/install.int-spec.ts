// `helm install` of the chart on the kube-testenv control plane: kwok nodes run the pods
// (no image is pulled; kwok marks them Running and Ready), so every platform workload must
// become Available as the API server and controllers judge it. Then what the install set
// up is checked on the live cluster: RBAC, Pod Security, kept secrets, uninstall policy.
import { dumpYaml } from '@kubernetes/client-node';
import { appObjects, defaultManifestConfig } from '@imad/k8s-manifests';
import { chartDir, kubeTools, ok, uniqueSuffix } from './support/helm';

const suffix = uniqueSuffix();
const namespace = `t-chart-install-${suffix}`;
const appsPrefix = `${namespace}-apps-`;
const release = 'imad';
const set = [
  '--set', `apps.namespaces.prefix=${appsPrefix}`,
  '--set', 'apps.namespaces.count=2',
];
const deployerSa = `system:serviceaccount:${namespace}:${release}-deployer`;

/** Claims the chart makes, with pre-created volumes to bind (kwok has no provisioner). */
const claims = [
  { pvc: `${release}-repo-data`, size: '50Gi' },
  { pvc: `data-${release}-rabbitmq-0`, size: '8Gi' },
  { pvc: `data-${release}-redis-0`, size: '4Gi' },
];
const pvName = (pvc: string) => `${namespace}-${pvc}`.slice(0, 63);

async function kubectlJson<T>(args: string[]): Promise<T> {
  const { kubectl } = await kubeTools();
  return JSON.parse(ok(await kubectl([...args, '-o', 'json']), `kubectl ${args.join(' ')}`)) as T;
}

async function canI(verb: string, resource: string, ns: string, as: string): Promise<boolean> {
  const { kubectl } = await kubeTools();
  const result = await kubectl(['auth', 'can-i', verb, resource, '-n', ns, `--as=${as}`]);
  return result.stdout.trim() === 'yes';
}

interface Condition { type: string; status: string }
interface Workload {
  metadata: { name: string; generation: number };
  spec: { replicas?: number; template: { spec: { automountServiceAccountToken?: boolean; serviceAccountName: string } } };
  status: { replicas?: number; readyReplicas?: number; availableReplicas?: number; numberReady?: number; desiredNumberScheduled?: number; conditions?: Condition[] };
}

beforeAll(async () => {
  const { kubectl, helm } = await kubeTools();
  const volumes = claims.map(({ pvc, size }) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: pvName(pvc), labels: { 'imad.dev/test': 'true' } },
    spec: {
      capacity: { storage: size },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: '',
      hostPath: { path: `/tmp/${pvName(pvc)}` },
      claimRef: { namespace, name: pvc },
    },
  }));
  ok(await kubectl(['apply', '--server-side', '-f', '-'], volumes.map((v) => JSON.stringify(v)).join('\n')), 'create volumes');
  ok(
    await helm('install', release, chartDir, '--namespace', namespace, '--create-namespace', ...set, '--wait', '--timeout', '5m'),
    'helm install',
  );
}, 400_000);

afterAll(async () => {
  const { kubectl, helm } = await kubeTools();
  await helm('uninstall', release, '--namespace', namespace, '--wait', '--timeout', '2m');
  await kubectl(['delete', 'namespace', '--wait=false', '--ignore-not-found', namespace, `${appsPrefix}0`, `${appsPrefix}1`]);
  await kubectl(['delete', 'pv', '--wait=false', '--ignore-not-found', ...claims.map((c) => pvName(c.pvc))]);
}, 200_000);

describe('helm install on the kube-testenv control plane', () => {
  it('brings every platform Deployment to Available with all replicas ready', async () => {
    const list = await kubectlJson<{ items: Workload[] }>(['get', 'deployments', '-n', namespace]);
    expect(list.items.map((d) => d.metadata.name).sort()).toEqual(
      [`${release}-auth`, `${release}-deployer`, `${release}-editor-gateway`, `${release}-repo`].sort(),
    );
    for (const d of list.items) {
      expect({ name: d.metadata.name, available: d.status.conditions?.find((c) => c.type === 'Available')?.status }).toEqual({
        name: d.metadata.name,
        available: 'True',
      });
      expect(d.status.readyReplicas).toBe(d.status.replicas);
      expect(d.status.availableReplicas).toBeGreaterThanOrEqual(1);
    }
  });

  it('runs the router on every node and the bundled RabbitMQ and Redis on their bound volumes', async () => {
    const ds = await kubectlJson<Workload>(['get', 'daemonset', `${release}-router`, '-n', namespace]);
    expect(ds.status.desiredNumberScheduled).toBeGreaterThanOrEqual(1);
    expect(ds.status.numberReady).toBe(ds.status.desiredNumberScheduled);
    for (const name of ['rabbitmq', 'redis']) {
      const sts = await kubectlJson<Workload>(['get', 'statefulset', `${release}-${name}`, '-n', namespace]);
      expect(sts.status.readyReplicas).toBe(1);
    }
    const pvcs = await kubectlJson<{ items: { metadata: { name: string }; status: { phase: string } }[] }>(['get', 'pvc', '-n', namespace]);
    expect(pvcs.items.map((p) => [p.metadata.name, p.status.phase]).sort()).toEqual(claims.map((c) => [c.pvc, 'Bound']).sort());
  });

  it("lets only the deployer's ServiceAccount manage app objects, and only in the app namespaces", async () => {
    const apps0 = `${appsPrefix}0`;
    const apps1 = `${appsPrefix}1`;
    for (const ns of [apps0, apps1]) {
      expect(await canI('create', 'deployments.apps', ns, deployerSa)).toBe(true);
      expect(await canI('patch', 'services', ns, deployerSa)).toBe(true);
      expect(await canI('delete', 'networkpolicies.networking.k8s.io', ns, deployerSa)).toBe(true);
      expect(await canI('get', 'pods/log', ns, deployerSa)).toBe(true);
      expect(await canI('create', 'pods', ns, deployerSa)).toBe(false);
      expect(await canI('create', 'roles.rbac.authorization.k8s.io', ns, deployerSa)).toBe(false);
    }
    // Nowhere else: not the platform namespace, not another namespace.
    expect(await canI('get', 'secrets', namespace, deployerSa)).toBe(false);
    expect(await canI('create', 'deployments.apps', namespace, deployerSa)).toBe(false);
    expect(await canI('create', 'deployments.apps', 'default', deployerSa)).toBe(false);
    // The other platform services have no access to app objects at all.
    for (const other of ['auth', 'repo', 'editor-gateway', 'router']) {
      expect(await canI('get', 'deployments.apps', apps0, `system:serviceaccount:${namespace}:${release}-${other}`)).toBe(false);
    }
  });

  it('mounts an API token only into the deployer; every platform pod runs hardened', async () => {
    const pods = await kubectlJson<{
      items: {
        metadata: { labels: Record<string, string> };
        spec: {
          automountServiceAccountToken?: boolean;
          securityContext: { runAsNonRoot?: boolean; seccompProfile?: { type: string } };
          containers: { securityContext: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean; capabilities?: { drop?: string[] } } }[];
        };
      }[];
    }>(['get', 'pods', '-n', namespace]);
    expect(pods.items.length).toBeGreaterThanOrEqual(7);
    for (const pod of pods.items) {
      const component = pod.metadata.labels['app.kubernetes.io/component'];
      expect({ component, token: pod.spec.automountServiceAccountToken }).toEqual({ component, token: component === 'deployer' });
      expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      for (const c of pod.spec.containers) {
        expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
      }
    }
  });

  it('makes app namespaces enforce the restricted Pod Security Standard, with quota, limits and default deny', async () => {
    const { kubectl } = await kubeTools();
    const apps0 = `${appsPrefix}0`;
    const ns = await kubectlJson<{ metadata: { labels: Record<string, string> } }>(['get', 'namespace', apps0]);
    expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    const privileged = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'privileged', namespace: apps0 },
      spec: { containers: [{ name: 'c', image: 'busybox', securityContext: { privileged: true } }] },
    };
    const refused = await kubectl(['apply', '--server-side', '--dry-run=server', '-f', '-'], JSON.stringify(privileged));
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('violates PodSecurity "restricted:latest"');

    const names = async (kind: string) =>
      (await kubectlJson<{ items: { metadata: { name: string } }[] }>(['get', kind, '-n', apps0])).items.map((i) => i.metadata.name).sort();
    expect(await names('networkpolicies')).toEqual(['allow-egress', 'allow-from-router', 'default-deny']);
    expect(await names('resourcequotas')).toEqual(['apps']);
    expect(await names('limitranges')).toEqual(['apps']);
  });

  it('keeps generated keys and passwords, and does not roll the pods, on an upgrade with the same values', async () => {
    const { helm } = await kubeTools();
    type Secret = { data: Record<string, string> };
    const before = await kubectlJson<Secret>(['get', 'secret', `${release}-platform`, '-n', namespace]);
    // The pod templates (checksum annotations included) stay the same: no rollout. The
    // replica count may move meanwhile (the deployer's HPA scales to its minimum).
    const templates = async () =>
      (await kubectlJson<{ items: Workload[] }>(['get', 'deployments', '-n', namespace])).items.map((d) => [d.metadata.name, JSON.stringify(d.spec.template)]);
    const templatesBefore = await templates();

    ok(await helm('upgrade', release, chartDir, '--namespace', namespace, '--reuse-values', '--wait', '--timeout', '3m'), 'helm upgrade');

    const after = await kubectlJson<Secret>(['get', 'secret', `${release}-platform`, '-n', namespace]);
    for (const key of ['TOKEN_ENCRYPTION_KEYS', 'GIT_READ_SECRET', 'RABBITMQ_PASSWORD', 'REDIS_PASSWORD', 'AMQP_URL', 'REDIS_URL']) {
      expect({ key, value: after.data[key] }).toEqual({ key, value: before.data[key] });
    }
    expect(await templates()).toEqual(templatesBefore);
  });

  it("runs an app exactly as the deployer builds it (libs/k8s-manifests), applied with the deployer's identity, under the app namespaces' rules", async () => {
    const { kubectl } = await kubeTools();
    const namespaces = [`${appsPrefix}0`, `${appsPrefix}1`];
    const objects = appObjects(
      {
        app: 'alice',
        revision: 1,
        deployId: 'd-1',
        commit: 'a'.repeat(40),
        cloneUrl: `http://${release}-repo.${namespace}.svc.cluster.local:3002/git/alice.git`,
        gitCredential: { username: 'alice', password: 'x'.repeat(64) },
      },
      {
        ...defaultManifestConfig,
        namespaces,
        router: {
          namespaceLabels: { 'kubernetes.io/metadata.name': namespace },
          podLabels: { 'app.kubernetes.io/name': 'imad', 'app.kubernetes.io/component': 'router' },
        },
      },
    );
    // dumpYaml serializes through client-node's models (NetworkPolicy `_from` becomes `from`).
    const manifest = [objects.secret, objects.service, objects.networkPolicy, objects.deployment].map((o) => dumpYaml(o)).join('---\n');
    ok(await kubectl(['apply', '--server-side', '--field-manager=imad-deployer', `--as=${deployerSa}`, '-f', '-'], manifest), 'apply as the deployer');

    // Pod Security (restricted), the quota and the LimitRange admit its pod: it becomes Available.
    ok(
      await kubectl(['wait', '--for=condition=Available', '--timeout=90s', '-n', objects.ref.namespace, `deployment/${objects.ref.name}`]),
      'wait for the app Deployment',
    );
    // The router finds it as app-<app> in one of the app namespaces (router.upstream.servicePrefix).
    expect(objects.ref.name).toBe('app-alice');
    expect(namespaces).toContain(objects.ref.namespace);
  }, 150_000);
});
