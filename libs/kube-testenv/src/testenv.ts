import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadKubeConfig } from '@imad/kube-client';
import type { KubeConfig } from '@kubernetes/client-node';

const SCRIPT = 'scripts/kube-testenv.sh';

export interface KubeTestEnv {
  kubeConfig: KubeConfig;
  kubeconfigPath: string;
  /** Directory holding the built kubectl, helm, kwokctl… binaries. */
  binDir: string;
}

let pending: Promise<KubeTestEnv> | undefined;

/**
 * Starts the loopback control plane (scripts/kube-testenv.sh up) or reuses the running one,
 * once per process; `up` itself is idempotent and returns in milliseconds when healthy, so
 * every test file may call this. A cold machine first builds the binaries (≈15 min).
 */
export function ensureKubeTestEnv(): Promise<KubeTestEnv> {
  pending ??= start().catch((error: unknown) => {
    pending = undefined; // let a later call retry instead of caching the failure
    throw error;
  });
  return pending;
}

async function start(): Promise<KubeTestEnv> {
  const root = findRepoRoot();
  // stderr is passed through: build progress and the failing component's log path show up.
  await run(root, ['up'], 'inherit');
  const env = parseEnv(await run(root, ['env'], 'pipe'));
  return { kubeConfig: loadKubeConfig(env.kubeconfigPath), ...env };
}

/** Reads `export KUBECONFIG="…"` and `export PATH="<bin>:$PATH"` from `kube-testenv.sh env`. */
export function parseEnv(output: string): { kubeconfigPath: string; binDir: string } {
  const kubeconfigPath = /^export KUBECONFIG="([^"]+)"$/m.exec(output)?.[1];
  const binDir = /^export PATH="([^":]+):\$PATH"$/m.exec(output)?.[1];
  if (!kubeconfigPath || !binDir) throw new Error(`unexpected output of ${SCRIPT} env:\n${output}`);
  return { kubeconfigPath, binDir };
}

// The lib runs from libs/… under jest and from a bundle in node_modules/.cache under
// tools/build/run-ts.js; both sit below the repo root, as does the usual working directory.
function findRepoRoot(): string {
  for (const start of [import.meta.dirname, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, SCRIPT))) return dir;
      if (dir === path.dirname(dir)) break;
    }
  }
  throw new Error(`cannot find ${SCRIPT} above ${import.meta.dirname} or ${process.cwd()}`);
}

function run(root: string, args: string[], stderr: 'inherit' | 'pipe'): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(root, SCRIPT), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', stderr],
    });
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${SCRIPT} ${args.join(' ')} exited with ${code}${err ? `:\n${err}` : ' (see its output above)'}`)),
    );
  });
}
