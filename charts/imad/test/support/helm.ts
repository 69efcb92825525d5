// Runs the helm and kubectl built by scripts/kube-testenv.sh against the chart.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadAllYaml, type KubernetesObject } from '@kubernetes/client-node';
import { ensureKubeTestEnv } from '@imad/kube-testenv';

export const chartDir = path.resolve(import.meta.dirname, '../..');
export const repoRoot = path.resolve(chartDir, '../..');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion; never throws on a non-zero exit (tests assert on it). */
export function run(command: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export interface Tools {
  helm: (...args: string[]) => Promise<RunResult>;
  kubectl: (args: string[], input?: string) => Promise<RunResult>;
  kubeconfigPath: string;
}

let tools: Promise<Tools> | undefined;

/** helm and kubectl from the kube-testenv build, kubectl pointed at its control plane. */
export function kubeTools(): Promise<Tools> {
  tools ??= ensureKubeTestEnv().then(({ binDir, kubeconfigPath }) => {
    const env = { KUBECONFIG: kubeconfigPath, HELM_CACHE_HOME: path.join(repoRoot, 'node_modules/.cache/helm') };
    return {
      kubeconfigPath,
      helm: (...args: string[]) => run(path.join(binDir, 'helm'), args, { env }),
      kubectl: (args: string[], input?: string) => run(path.join(binDir, 'kubectl'), args, { env, input }),
    };
  });
  return tools;
}

/** Succeeds or throws with helm's/kubectl's own message. */
export function ok(result: RunResult, what: string): string {
  if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code}):\n${result.stderr || result.stdout}`);
  return result.stdout;
}

export interface Scenario {
  /** ci/<name>-values.yaml */
  name: string;
  valuesFiles: string[];
  /** Extra `helm template` arguments (API versions a real cluster would report). */
  extraArgs: string[];
  /** CRDs the rendered objects need (test fixtures). */
  crds: string[];
}

/**
 * Every ci/*-values.yaml. deadline-mode layers values-deadline.yaml on top and renders as on a
 * cluster with KEDA; gateway-api needs the Gateway API CRDs.
 */
export function scenarios(): Scenario[] {
  return readdirSync(path.join(chartDir, 'ci'))
    .filter((f) => f.endsWith('-values.yaml'))
    .sort()
    .map((file) => {
      const name = file.replace(/-values\.yaml$/, '');
      const valuesFiles = [path.join(chartDir, 'ci', file)];
      const extraArgs: string[] = [];
      const crds: string[] = [];
      if (name === 'deadline-mode') {
        valuesFiles.push(path.join(chartDir, 'values-deadline.yaml'));
        extraArgs.push('--api-versions', 'keda.sh/v1alpha1');
        crds.push(path.join(chartDir, 'test/fixtures/crds/keda.yaml'));
      }
      if (name === 'gateway-api') crds.push(path.join(chartDir, 'test/fixtures/crds/gateway-api.yaml'));
      return { name, valuesFiles, extraArgs, crds };
    });
}

export function valuesArgs(files: string[], set: Record<string, string | number | boolean> = {}): string[] {
  return [...files.flatMap((f) => ['-f', f]), ...Object.entries(set).flatMap(([k, v]) => ['--set', `${k}=${v}`])];
}

export function parseManifests(yaml: string): KubernetesObject[] {
  return (loadAllYaml(yaml) as (KubernetesObject | null)[]).filter((o): o is KubernetesObject => !!o && typeof o === 'object');
}

/** A short random suffix for names shared with the other users of the control plane. */
export function uniqueSuffix(): string {
  return Math.random().toString(36).slice(2, 8);
}
