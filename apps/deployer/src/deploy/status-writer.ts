import { isTerminal, type DeployStatus } from '@imad/contracts';
import { runWithContext, type Logger } from '@imad/observability';
import type { StatusInput, StatusStore, TransitionResult } from '@imad/status';
import type { Clock } from '@imad/status';
import type { RolloutEvent, RolloutReporter } from '../core/runtime.port';
import type { DeployerMetrics } from '../metrics/deployer-metrics';

/**
 * Every status the deployer writes goes through here: the store's rules decide, this
 * class logs what happened and counts terminal phases and time to ready. It is also the
 * RolloutReporter the runtimes call once a rollout moves on.
 */
export class StatusWriter implements RolloutReporter {
  constructor(
    private readonly store: StatusStore,
    private readonly metrics: DeployerMetrics,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly runtime: string,
    private readonly urlOf: (app: string) => string,
  ) {}

  async write(status: StatusInput, requestedAt?: string): Promise<TransitionResult> {
    const withUrl: StatusInput = status.phase === 'ready' && !status.url ? { ...status, url: this.urlOf(status.app) } : status;
    // `rolling-out` is written by the worker after apply and, as a gap filler, by the
    // rollout report: whichever comes first records it, the other is a no-op.
    const result = await this.store.transition(withUrl, { strict: status.phase === 'rolling-out' });
    const fields = { phase: status.phase, reason: status.reason, revision: status.revision, outcome: result.outcome };
    if (result.written) {
      this.logger.info(fields, `deploy ${status.phase}${status.reason ? ` (${status.reason})` : ''}`);
      if (isTerminal(status.phase)) this.onTerminal(status as DeployStatus, requestedAt);
    } else {
      this.logger.debug(fields, `status ${status.phase} not written: ${result.outcome}`);
    }
    return result;
  }

  report(event: RolloutEvent): Promise<boolean> {
    return runWithContext({ deployId: event.deployId, app: event.app }, async () => {
      const { requestedAt, ...status } = event;
      // A fast rollout (kwok, a tiny local app) can end before the worker wrote
      // rolling-out; record the step first so every deploy shows the whole path.
      if (status.phase !== 'rolling-out') await this.write({ ...status, phase: 'rolling-out', reason: undefined, message: undefined, logTail: undefined });
      return (await this.write(status, requestedAt)).written;
    });
  }

  private onTerminal(status: DeployStatus, requestedAt?: string): void {
    this.metrics.terminal.inc({ phase: status.phase, reason: status.reason ?? '' });
    if (status.phase === 'ready' && requestedAt) {
      const seconds = (this.clock.now().getTime() - Date.parse(requestedAt)) / 1000;
      if (seconds >= 0) this.metrics.timeToReady.observe({ runtime: this.runtime }, seconds);
    }
  }
}
