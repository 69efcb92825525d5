import { newDeployId, type StatusStore } from '@imad/status';
import { eventually } from '@imad/testing';
import type { DeployStatus } from '@imad/contracts';
import { deployPayload, type TestBroker } from './amqp';
import type { TestGitServer } from './git-server';

/** Request (as the gateway does) and send a deploy of `commit`; returns its revision and id. */
export async function requestAndSend(store: StatusStore, broker: TestBroker, queue: string, git: TestGitServer, app: string, commit: string) {
  const { revision, status } = await store.requestDeploy({ app, userId: 'u_testuser01', deployId: newDeployId(), action: 'deploy', commit });
  await broker.send(queue, deployPayload({ app, revision, deployId: status.deployId, commit, cloneUrl: git.cloneUrl(app) }));
  return { revision, deployId: status.deployId };
}

/** Waits for the deploy's terminal status (current, or in history when something newer is current). */
export async function terminalOf(store: StatusStore, app: string, deployId: string, timeoutMs = 60_000): Promise<DeployStatus> {
  return eventually(
    `a terminal phase of ${deployId}`,
    async () => (await store.history(app, 50)).find((s) => s.deployId === deployId && ['ready', 'failed', 'superseded', 'removed'].includes(s.phase)),
    timeoutMs,
  );
}
