import type { TrackedDeployment } from './tracked-deployment';

export interface RolloutTrackerOptions {
  namespaces: readonly string[];
  probeFailingMs: number;
  /** Reopen a watch with no event for this long (default 60 s). */
  quietMs?: number;
  /** How often unsettled rollouts are re-checked (default 1 s). */
  tickMs?: number;
  /**
   * A rollout this worker applied and not done after `podCheckAfterMs` gets its pods looked
   * at, then every `podCheckEveryMs` (defaults 8 s, 8 s); other workers' rollouts only after
   * `orphanAfterMs` (default 60 s), in case the worker that applied them is gone.
   */
  podCheckAfterMs?: number;
  podCheckEveryMs?: number;
  orphanAfterMs?: number;
  /** Pod lists per tick at most, so a slow burst cannot turn into a list storm (default 10). */
  podChecksPerTick?: number;
  /** Called when this worker's report of `ready` was the one recorded. */
  onReady?: (deploy: TrackedDeployment) => void;
}
