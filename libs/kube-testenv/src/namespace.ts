import { randomBytes } from 'node:crypto';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { ensureKubeTestEnv } from './testenv';

/** Label on every test namespace, so leftovers can be swept: `kubectl delete ns -l imad.dev/test`. */
export const TEST_NAMESPACE_LABEL = 'imad.dev/test';

export interface TestNamespace {
  /** The namespace's name; read it inside a test or hook, not at module load. */
  readonly name: string;
  readonly kubeConfig: KubeConfig;
}

export interface TestNamespaceOptions {
  /** 'file' (default): one namespace for the test file; 'test': a fresh one per test. */
  scope?: 'file' | 'test';
  /** Readable part of the name, e.g. the file's subject. */
  prefix?: string;
}

/**
 * Jest helper: brings up the control plane, creates a namespace before the file (or each
 * test), and deletes it after. Call it at the top level of a describe block or file.
 */
export function useTestNamespace(options: TestNamespaceOptions = {}): TestNamespace {
  let kubeConfig: KubeConfig | undefined;
  let name: string | undefined;
  const [before, after] = options.scope === 'test' ? [beforeEach, afterEach] : [beforeAll, afterAll];

  beforeAll(async () => {
    kubeConfig = (await ensureKubeTestEnv()).kubeConfig;
  }, 30 * 60_000); // a cold machine builds the binaries first
  before(async () => {
    name = await createTestNamespace(kubeConfig!, options.prefix);
  });
  after(async () => {
    if (name) await deleteNamespace(kubeConfig!, name);
    name = undefined;
  });

  return {
    get name() {
      if (!name) throw new Error('useTestNamespace: the namespace exists only inside tests and hooks');
      return name;
    },
    get kubeConfig() {
      if (!kubeConfig) throw new Error('useTestNamespace: the cluster is ready only inside tests and hooks');
      return kubeConfig;
    },
  };
}

export function testNamespaceName(prefix = 'test'): string {
  const clean = prefix.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'test';
  return `t-${clean}-${randomBytes(4).toString('hex')}`;
}

/**
 * Creates a labelled namespace and waits for its `default` ServiceAccount: until the
 * controller manager made it, the API server rejects every pod in the namespace.
 */
export async function createTestNamespace(kubeConfig: KubeConfig, prefix?: string): Promise<string> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const name = testNamespaceName(prefix);
  await core.createNamespace({ body: { metadata: { name, labels: { [TEST_NAMESPACE_LABEL]: 'true' } } } });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await core.readNamespacedServiceAccount({ name: 'default', namespace: name });
      return name;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`namespace ${name}: no default ServiceAccount after 30s`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Waits until a deleted namespace is gone: the namespace controller removes its contents
 * in the background, which loads the API server. Benchmarks wait before the next level so
 * one level's cleanup does not slow the next one down. `onWait` hears every ~15 s.
 */
export async function waitForNamespaceGone(kubeConfig: KubeConfig, name: string, timeoutMs = 600_000, onWait?: (seconds: number) => void): Promise<void> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const started = Date.now();
  let told = started;
  for (;;) {
    try {
      await core.readNamespace({ name });
    } catch (error) {
      if ((error as { code?: number }).code === 404) return;
      throw error;
    }
    const now = Date.now();
    if (now - started > timeoutMs) throw new Error(`namespace ${name} still exists ${Math.round(timeoutMs / 1000)} s after its deletion; look at kube-controller-manager's log (scripts/kube-testenv.sh status)`);
    if (onWait && now - told >= 15_000) {
      told = now;
      onWait(Math.round((now - started) / 1000));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Starts deletion; the namespace controller removes the contents in the background. */
export async function deleteNamespace(kubeConfig: KubeConfig, name: string): Promise<void> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  try {
    await core.deleteNamespace({ name, propagationPolicy: 'Background' });
  } catch (error) {
    if ((error as { code?: number }).code !== 404) throw error;
  }
}
