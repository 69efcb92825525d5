// How many server-side applies per second the kube-testenv API server takes from a plain
// client loop: the ceiling the deployer is later measured against.
//   npm run bench:kube -- [--concurrency=1,4,16] [--count=300] [--seconds=20] [--replicas=1]
// Per concurrency level, in a namespace of its own: `baseline` reads one object (GET of the
// namespace: same client, TLS connection, authn/authz and priority-and-fairness path, no
// write) so results can be compared across runs as ratios; `create` applies `count` new Deployments,
// `update` re-applies them with a changed pod template (a rollout each), then the level waits
// until every Deployment is Available, so one level's controller work does not bleed into
// the next. Each phase stops at `count` applies or `seconds`, whichever comes first.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppsV1Api, CoreV1Api, PatchStrategy, setHeaderOptions, type V1Deployment } from '@kubernetes/client-node';
import { createTestNamespace, deleteNamespace, ensureKubeTestEnv, kubeStatusOf } from '@imad/kube-testenv';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const levels = (args.concurrency ?? '1,4,16').split(',').map(Number);
const count = Number(args.count ?? 300);
const seconds = Number(args.seconds ?? 20);
const replicas = Number(args.replicas ?? 1);
const FIELD_MANAGER = 'imad-bench';

const { kubeConfig, binDir } = await ensureKubeTestEnv();
const apps = kubeConfig.makeApiClient(AppsV1Api);
const core = kubeConfig.makeApiClient(CoreV1Api);
const applyOptions = setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply);

function deployment(namespace: string, name: string, revision: number): V1Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name }, annotations: { 'imad.dev/revision': String(revision) } },
        spec: {
          containers: [
            {
              name: 'app',
              image: 'node:22-alpine',
              env: [{ name: 'PORT', value: '3000' }],
              ports: [{ containerPort: 3000 }],
              resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
            },
          ],
        },
      },
    },
  };
}

interface PhaseResult {
  phase: string;
  /** applies per second ÷ the same level's baseline reads per second (same run, same load). */
  ratioToBaseline?: number;
  concurrency: number;
  requests: number;
  errors: Record<string, number>;
  seconds: number;
  perSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
}

function apply(namespace: string, i: number, revision: number) {
  const name = `app-${i}`;
  return apps.patchNamespacedDeployment(
    { name, namespace, body: deployment(namespace, name, revision), fieldManager: FIELD_MANAGER, force: true },
    applyOptions,
  );
}

/** Runs `op(0..count-1)` from `concurrency` loops until `count` calls or `seconds` pass. */
async function phase(name: string, concurrency: number, op: (i: number) => Promise<unknown>): Promise<PhaseResult> {
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      try {
        await op(i);
        latencies.push(performance.now() - t0);
      } catch (error) {
        const code = String(kubeStatusOf(error)?.code ?? (error as Error).message);
        errors[code] = (errors[code] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0);
  return {
    phase: name,
    concurrency,
    requests: latencies.length,
    errors,
    seconds: round(elapsed),
    perSecond: round(latencies.length / elapsed),
    latencyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: round(latencies.at(-1) ?? 0) },
  };
}

/** Seconds until every Deployment in the namespace reports all replicas updated and available. */
async function settle(namespace: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const list = await apps.listNamespacedDeployment({ namespace });
    const pending = list.items.filter(
      (d) =>
        (d.status?.observedGeneration ?? 0) < (d.metadata?.generation ?? 1) ||
        (d.status?.updatedReplicas ?? 0) !== replicas ||
        (d.status?.availableReplicas ?? 0) !== replicas,
    );
    const waited = (performance.now() - started) / 1000;
    if (pending.length === 0 || waited > 120) return round(waited);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

const results: PhaseResult[] = [];
const settleSeconds: Record<number, number> = {};
const namespaces: string[] = [];
try {
  for (const concurrency of levels) {
    const namespace = await createTestNamespace(kubeConfig, `bench-kube-c${concurrency}`);
    namespaces.push(namespace);
    const baseline = await phase('baseline', concurrency, () => core.readNamespace({ name: namespace }));
    const ratio = (r: PhaseResult) => ({ ...r, ratioToBaseline: Math.round((r.perSecond / baseline.perSecond) * 1000) / 1000 });
    results.push(baseline);
    results.push(ratio(await phase('create', concurrency, (i) => apply(namespace, i, 1))));
    results.push(ratio(await phase('update', concurrency, (i) => apply(namespace, i, 2))));
    settleSeconds[concurrency] = await settle(namespace);
  }
} finally {
  for (const namespace of namespaces) await deleteNamespace(kubeConfig, namespace);
}

const table = [
  '| phase | concurrency | requests | per second | ÷ baseline | p50 ms | p95 ms | p99 ms | max ms | errors |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ...results.map(
    (r) =>
      `| ${r.phase} | ${r.concurrency} | ${r.requests} | ${r.perSecond} | ${r.ratioToBaseline ?? ''} | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${JSON.stringify(r.errors)} |`,
  ),
].join('\n');
const settled = levels.map((c) => `c=${c}: ${settleSeconds[c]}s`).join(', ');
const when = new Date().toISOString();
const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg().map(round).join('/')}`;
const report = {
  benchmark: 'kube server-side apply throughput',
  when,
  machine,
  server: `kube-apiserver from ${binDir}`,
  settings: { levels, count, seconds, replicas, object: 'apps/v1 Deployment', fieldManager: FIELD_MANAGER },
  results,
  secondsUntilAllAvailable: settleSeconds,
};

// This file runs from a bundle in node_modules/.cache (tools/build/run-ts.js): find the repo above it.
let root = import.meta.dirname;
while (!existsSync(path.join(root, 'scripts/kube-testenv.sh')) && root !== path.dirname(root)) root = path.dirname(root);
const dir = path.join(existsSync(path.join(root, 'scripts/kube-testenv.sh')) ? root : process.cwd(), 'bench/results');
await mkdir(dir, { recursive: true });
const base = path.join(dir, `kube-${when.replace(/[:.]/g, '-')}`);
await writeFile(`${base}.json`, JSON.stringify(report, null, 2) + '\n');
await writeFile(
  `${base}.md`,
  `# kube server-side apply throughput — ${when}\n\n${machine}. Deployments (${replicas} replica each), ` +
    `up to ${count} requests or ${seconds}s per phase, fieldManager \`${FIELD_MANAGER}\`, force. ` +
    `baseline = GET of one Namespace at the same concurrency; "÷ baseline" = applies/s ÷ baseline reads/s.\n\n${table}\n\n` +
    `Seconds until every Deployment of a level was Available after its updates: ${settled}.\n`,
);
console.log(table);
console.log(`\nuntil all Available: ${settled}\nwrote ${base}.json and ${base}.md`);
