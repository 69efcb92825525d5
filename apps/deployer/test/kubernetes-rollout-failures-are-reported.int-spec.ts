import { useTestNamespace } from '@imad/kube-testenv';
import { eventually } from '@imad/testing';
import { testApp } from './support/deployer';
import { podsOf, setPodStatus } from './support/kubelet-status';
import { terminalOf } from './support/local-fixture';
import { useKubernetesDeployer } from './support/deployer-env';

const ns = useTestNamespace({ prefix: 'deployer-fail' });
const env = useKubernetesDeployer(ns, {
  // No such scheduler: pods stay off the kwok nodes, so only the test writes their status.
  APP_SCHEDULER_NAME: 'imad-test-hold',
  ROLLOUT_TIMEOUT_SECONDS: '10',
  PROBE_FAILING_SECONDS: '5',
});
const { store } = env;

async function deployAndGetPod(app: string) {
  const commit = '3'.repeat(40);
  const { deployId } = await env.deploy(app, commit, 'http://repo/git/x.git');
  const [pod] = await eventually('the app pod', async () => {
    const pods = await podsOf(ns.kubeConfig, ns.name, `app-${app}`);
    return pods.length > 0 && pods;
  });
  return { deployId: deployId, pod: pod! };
}

describe('kubernetes runtime: rollouts that fail', () => {
  it('reports crash-loop when kubelet says the app container is in CrashLoopBackOff', async () => {
    const app = testApp();
    const { deployId, pod } = await deployAndGetPod(app);
    await setPodStatus(ns.kubeConfig, ns.name, pod, {
      restartCount: 4,
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=app' } },
      lastState: { terminated: { exitCode: 1, reason: 'Error' } },
    });
    const end = await terminalOf(store, app, deployId);
    expect(end).toMatchObject({ phase: 'failed', reason: 'crash-loop' });
    expect(end.message).toContain('Your app keeps crashing (CrashLoopBackOff, 4 restarts)');
    // kwok serves no container logs; the report says so instead of staying silent.
    expect(end.logTail).toEqual(['(the output of "app" could not be read from the cluster)']);
  });

  it('reports image-pull when kubelet cannot pull the image', async () => {
    const app = testApp();
    const { deployId, pod } = await deployAndGetPod(app);
    await setPodStatus(ns.kubeConfig, ns.name, pod, { state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "node:22-alpine"' } } });
    const end = await terminalOf(store, app, deployId);
    expect(end).toMatchObject({ phase: 'failed', reason: 'image-pull' });
    expect(end.message).toContain('Back-off pulling image');
  });

  it('reports probe-failing when the app runs but its readiness probe keeps failing', async () => {
    const app = testApp();
    const { deployId, pod } = await deployAndGetPod(app);
    await setPodStatus(ns.kubeConfig, ns.name, pod, { started: true, state: { running: { startedAt: new Date(Date.now() - 60_000) } } });
    const end = await terminalOf(store, app, deployId);
    expect(end).toMatchObject({ phase: 'failed', reason: 'probe-failing' });
    expect(end.message).toContain('does not accept connections on its PORT');
  });

  it('reports timeout when the rollout makes no progress before its deadline', async () => {
    const app = testApp();
    const { deployId } = await deployAndGetPod(app);
    const end = await terminalOf(store, app, deployId, 60_000);
    expect(end).toMatchObject({ phase: 'failed', reason: 'timeout' });
    expect(end.message).toMatch(/did not become ready in time: .*progress/);
  });
});
