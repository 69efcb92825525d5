// Every ci/ scenario, rendered with `helm template`, is accepted by the real kube-apiserver
// (kube-testenv) with `kubectl apply --server-side --dry-run=server`: admission, validation
// and the CRD schemas of KEDA and the Gateway API (test stand-ins) all run. Names are unique
// per run: other tests share the control plane.
import { chartDir, kubeTools, ok, parseManifests, scenarios, uniqueSuffix, valuesArgs, type Scenario } from './support/helm';

const created: string[] = [];

afterAll(async () => {
  const { kubectl } = await kubeTools();
  if (created.length) await kubectl(['delete', 'namespace', '--wait=false', '--ignore-not-found', ...created]);
});

async function installCrds(files: string[]) {
  const { kubectl } = await kubeTools();
  for (const file of files) {
    ok(await kubectl(['apply', '--server-side', '--force-conflicts', '--field-manager=imad-chart-test', '-f', file]), `apply ${file}`);
    ok(await kubectl(['wait', '--for=condition=Established', '--timeout=60s', '-f', file]), `wait for ${file}`);
  }
}

async function render(scenario: Scenario, namespace: string) {
  const { helm } = await kubeTools();
  const set = { 'apps.namespaces.prefix': `${namespace}-apps-` };
  const out = ok(
    await helm('template', 'imad', chartDir, '--namespace', namespace, ...valuesArgs(scenario.valuesFiles, set), ...scenario.extraArgs),
    `helm template ${scenario.name}`,
  );
  return { yaml: out, objects: parseManifests(out) };
}

describe('kubectl apply --server-side --dry-run=server of the rendered chart', () => {
  it.each(scenarios().map((s) => [s.name, s] as const))('accepts the %s scenario', async (_name, scenario) => {
    const { kubectl } = await kubeTools();
    const namespace = `t-chart-${scenario.name}-${uniqueSuffix()}`.slice(0, 40);
    await installCrds(scenario.crds);

    const { yaml, objects } = await render(scenario, namespace);
    // Dry run creates nothing, so the namespaces the objects live in must exist for real:
    // the release namespace, and the chart's own app Namespaces applied as rendered.
    ok(await kubectl(['create', 'namespace', namespace]), 'create namespace');
    created.push(namespace);
    const namespaces = objects.filter((o) => o.kind === 'Namespace');
    created.push(...namespaces.map((o) => o.metadata!.name!));
    if (namespaces.length) {
      ok(await kubectl(['apply', '--server-side', '-f', '-'], namespaces.map((o) => JSON.stringify(o)).join('\n')), 'create app namespaces');
    }

    const result = await kubectl(['apply', '--server-side', '--dry-run=server', '-f', '-'], yaml);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const accepted = result.stdout.split('\n').filter((line) => line.endsWith('serverside-applied (server dry run)'));
    expect(accepted).toHaveLength(objects.length);
  });

  it('renders a KEDA ScaledObject (and no HPA) for the deployer in deadline mode on a cluster with KEDA', async () => {
    const scenario = scenarios().find((s) => s.name === 'deadline-mode')!;
    const { objects } = await render(scenario, 't-chart-inspect');
    const kinds = objects.filter((o) => o.metadata?.name === 'imad-deployer').map((o) => o.kind);
    expect(kinds).toEqual(expect.arrayContaining(['ScaledObject', 'TriggerAuthentication', 'Deployment']));
    expect(kinds).not.toContain('HorizontalPodAutoscaler');
    const scaled = objects.find((o) => o.kind === 'ScaledObject') as unknown as {
      spec: { minReplicaCount: number; maxReplicaCount: number; triggers: { type: string; metadata: Record<string, string> }[] };
    };
    expect(scaled.spec).toMatchObject({ minReplicaCount: 8, maxReplicaCount: 40 });
    expect(scaled.spec.triggers[0]).toMatchObject({ type: 'rabbitmq', metadata: { queueName: 'deployer.requests', mode: 'QueueLength', value: '10' } });
  });

  it('falls back to an HPA when KEDA is asked for but the cluster does not serve keda.sh/v1alpha1', async () => {
    const scenario = scenarios().find((s) => s.name === 'deadline-mode')!;
    const { objects } = await render({ ...scenario, extraArgs: [] }, 't-chart-inspect');
    const kinds = objects.filter((o) => o.metadata?.name === 'imad-deployer').map((o) => o.kind);
    expect(kinds).toContain('HorizontalPodAutoscaler');
    expect(kinds).not.toContain('ScaledObject');
  });
});
