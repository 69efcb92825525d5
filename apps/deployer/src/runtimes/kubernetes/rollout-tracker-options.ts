import type { TrackedDeployment } from './tracked-deployment';

export interface RolloutTrackerOptions {
  namespaces: readonly string[];
  probeFailingMs: number;
  /** Reopen a watch with no event for this long (default 60 s). */
  quietMs?: number;
  /** How often unsettled rollouts are re-checked (default 1 s). */
  tickMs?: number;
  /**
   * A rollout this worker applied whose first new pod exists and that is still not done
   * `podCheckAfterMs` (default 8 s) later gets
   * its pods looked at, then again after a doubling pause (8 s … 60 s): a rollout that is
   * merely slow (a busy cluster) costs ever fewer lists. Other workers' rollouts only after
   * `orphanAfterMs` (default 120 s), in case the worker that applied them is gone.
   */
  podCheckAfterMs?: number;
  orphanAfterMs?: number;
  /** Pod lists per tick at most, so a slow burst cannot turn into a list storm (default 3). */
  podChecksPerTick?: number;
  /** Called when this worker's report of `ready` was the one recorded. */
  onReady?: (deploy: TrackedDeployment) => void;
}
