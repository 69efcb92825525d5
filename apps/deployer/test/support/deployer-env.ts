import { ensureKubeTestEnv, type TestNamespace } from '@imad/kube-testenv';
import { newDeployId } from '@imad/status';
import { deployPayload, TestBroker } from './amqp';
import { GIT_SECRET, startDeployer, tempDataDir, testQueue, testStore, type TestDeployer } from './deployer';
import { TestGitServer } from './git-server';
import type { KubeFaultProxy } from './kube-fault-proxy';

/** What a test file gets: the broker, the status store, its own queue, and the deployer on them. */
export interface DeployerEnv {
  readonly broker: TestBroker;
  readonly store: ReturnType<typeof testStore>['store'];
  readonly queue: string;
  readonly deployer: TestDeployer;
  /** Stops the deployer and starts it again with the same settings (a process restart). */
  restart(): Promise<void>;
  /** Requests a deploy as the gateway does (status first) and sends it; returns its revision and id. */
  deploy(app: string, commit: string, cloneUrl: string): Promise<{ revision: number; deployId: string }>;
}

/**
 * Jest hooks for one test file: opens the broker and a status store, boots the deployer with
 * `settings()` (called once the servers are up), and tears it all down after the file.
 */
function useDeployer(settings: () => Promise<Record<string, string>>, hooks: { before?: () => Promise<void>; after?: () => Promise<void>; retryBackoffMs?: number } = {}): DeployerEnv {
  const broker = new TestBroker();
  const { store, close: closeStore } = testStore();
  const queue = testQueue();
  let deployer: TestDeployer | undefined;
  let started: Record<string, string> = {};

  beforeAll(async () => {
    await broker.open();
    await hooks.before?.();
    started = { DEPLOY_QUEUE: queue, ...(await settings()) };
    deployer = await startDeployer(started);
  });

  afterAll(async () => {
    await deployer?.close();
    await hooks.after?.();
    await broker.deleteQueues(queue, hooks.retryBackoffMs);
    await broker.close();
    await closeStore();
  });

  return {
    broker,
    store,
    queue,
    get deployer() {
      if (!deployer) throw new Error('the deployer runs only inside tests and hooks');
      return deployer;
    },
    async restart() {
      await deployer?.close();
      deployer = undefined;
      deployer = await startDeployer(started);
    },
    async deploy(app, commit, cloneUrl) {
      const { revision, status } = await store.requestDeploy({ app, userId: 'u_testuser01', deployId: newDeployId(), action: 'deploy', commit });
      await broker.send(queue, deployPayload({ app, revision, deployId: status.deployId, commit, cloneUrl }));
      return { revision, deployId: status.deployId };
    },
  };
}

/** The local runtime in a fresh data directory, with a git server to clone from. */
export function useLocalDeployer(settings: Record<string, string> = {}): DeployerEnv & { readonly git: TestGitServer; readonly dataDir: string } {
  const git = new TestGitServer(GIT_SECRET);
  let dataDir: string | undefined;
  const env = useDeployer(
    async () => {
      dataDir = await tempDataDir();
      return { RUNTIME: 'local', DATA_DIR: dataDir, ...settings };
    },
    { before: () => git.start(), after: () => git.stop(), retryBackoffMs: settings.DEPLOY_RETRY_BACKOFF_MS === undefined ? undefined : Number(settings.DEPLOY_RETRY_BACKOFF_MS) },
  );
  // The env's getters must stay getters: the deployer and the directory exist only once the hooks ran.
  return Object.defineProperties(Object.create(env) as DeployerEnv & { git: TestGitServer; dataDir: string }, {
    git: { value: git },
    dataDir: {
      get() {
        if (!dataDir) throw new Error('the data directory exists only inside tests and hooks');
        return dataDir;
      },
    },
  });
}

/** The Kubernetes runtime on the test control plane, in `ns`; through `proxy` when given (fault injection). */
export function useKubernetesDeployer(ns: TestNamespace, settings: Record<string, string> = {}, proxy?: KubeFaultProxy): DeployerEnv {
  return useDeployer(
    async () => {
      const { kubeconfigPath } = await ensureKubeTestEnv();
      if (proxy) await proxy.start(kubeconfigPath);
      return { RUNTIME: 'kubernetes', KUBECONFIG: proxy ? proxy.kubeconfigPath : kubeconfigPath, APP_NAMESPACES: ns.name, ...settings };
    },
    { after: async () => void (await proxy?.stop()) },
  );
}
