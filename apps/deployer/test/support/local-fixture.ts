import type { StatusStore } from '@imad/status';
import { eventually } from '@imad/testing';
import type { DeployStatus } from '@imad/contracts';

/** Waits for the deploy's terminal status (current, or in history when something newer is current). */
export async function terminalOf(store: StatusStore, app: string, deployId: string, timeoutMs = 60_000): Promise<DeployStatus> {
  return eventually(
    `a terminal phase of ${deployId}`,
    async () => (await store.history(app, 50)).find((s) => s.deployId === deployId && ['ready', 'failed', 'superseded', 'removed'].includes(s.phase)),
    timeoutMs,
  );
}
