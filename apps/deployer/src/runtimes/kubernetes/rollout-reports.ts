import type { Logger } from '@imad/observability';
import type { RolloutEvent, RolloutReporter } from '../../core/runtime.port';
import type { KubeApi } from './kube-api';
import { lastOutput } from './last-output';
import type { PodProblem } from './pod-problems';
import type { TrackedDeployment } from './tracked-deployment';

export type Outcome = Pick<RolloutEvent, 'phase' | 'reason' | 'message'>;

/**
 * Reports a rollout's end, one report at a time per Deployment and in order. A report that
 * fails (Redis away) un-settles the deploy so the tracker reports it again later.
 */
export class RolloutReports {
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    private readonly api: KubeApi,
    private readonly reporter: RolloutReporter,
    private readonly logger: Logger,
    private readonly onRecorded: (entry: TrackedDeployment, outcome: Outcome) => void,
  ) {}

  has(key: string): boolean {
    return this.pending.has(key);
  }

  settle(entry: TrackedDeployment, outcome: Outcome, problem?: PodProblem): void {
    entry.settled = true;
    const previous = this.pending.get(entry.key) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        const logTail = problem?.reason === 'crash-loop' ? await lastOutput(this.api, entry.namespace, problem) : undefined;
        const { app, revision, deployId, commit, requestedAt } = entry;
        const recorded = await this.reporter.report({ app, revision, deployId, commit, requestedAt, ...outcome, ...(logTail ? { logTail } : {}) });
        if (recorded) this.onRecorded(entry, outcome);
      })
      .catch((error) => {
        entry.settled = false; // report again on the next event or tick
        this.logger.warn({ err: error, deployId: entry.deployId, app: entry.app }, 'could not report the rollout outcome; will retry');
      })
      .finally(() => {
        if (this.pending.get(entry.key) === next) this.pending.delete(entry.key);
      });
    this.pending.set(entry.key, next);
  }

  async drain(): Promise<void> {
    await Promise.all(this.pending.values());
  }
}
