import { deployTargetProblem, type DeployRequested, type PayloadOf } from '@imad/contracts';
import { DeadLetterError } from '@imad/messaging';
import { runWithContext, type Logger } from '@imad/observability';
import type { Clock, StatusInput, StatusStore } from '@imad/status';
import type { AppLock } from '../core/app-lock';
import { isDeployFailure } from '../core/deploy-failure';
import type { ApplyOutcome, Runtime } from '../core/runtime.port';
import type { DeployerMetrics } from '../metrics/deployer-metrics';
import type { AttemptBudget } from './attempt-budget';
import type { StatusWriter } from './status-writer';

export type DeployRequest = PayloadOf<typeof DeployRequested>;
type StatusBase = Omit<StatusInput, 'phase'>;

export interface DeployServiceDeps {
  store: StatusStore;
  status: StatusWriter;
  lock: AppLock;
  runtime: Runtime;
  budget: AttemptBudget;
  metrics: DeployerMetrics;
  clock: Clock;
  logger: Logger;
}

/**
 * Handles one deploy request (design: "The deploy path", step 3-4). Resolves when the
 * message may be acked: the runtime accepted the intent, or the deploy ended (invalid,
 * superseded, failed). Throws only for transient trouble, so the message is retried.
 */
export class DeployService {
  constructor(private readonly d: DeployServiceDeps) {}

  handle(p: DeployRequest): Promise<void> {
    return runWithContext({ deployId: p.deployId, app: p.app }, async () => {
      this.d.metrics.inFlight.inc();
      try {
        await this.process(p);
      } finally {
        this.d.metrics.inFlight.dec();
      }
    });
  }

  private async process(p: DeployRequest): Promise<void> {
    const waited = (this.d.clock.now().getTime() - Date.parse(p.requestedAt)) / 1000;
    if (waited >= 0) this.d.metrics.queueWait.observe(waited);
    const base = { deployId: p.deployId, app: p.app, revision: p.revision, action: p.action };

    const problem = deployTargetProblem(p);
    if (problem) {
      this.d.metrics.requests.inc({ outcome: 'invalid' });
      await this.d.status.write({ ...base, phase: 'failed', reason: 'invalid', message: `This deploy cannot run: ${problem}.` });
      return;
    }
    const status: StatusBase = { ...base, commit: p.commit };
    // Latest wins: skip a request a newer one replaced, before touching anything.
    if (await this.superseded(p)) return this.supersede(status);

    const lock = await this.d.lock.acquire(p.app, async () => !(await this.superseded(p)));
    if (!lock) {
      if (await this.superseded(p)) return this.supersede(status);
      throw new Error(`another worker has held the lock of ${p.app} for too long; retrying later`);
    }
    try {
      const applying = await this.d.status.write({ ...status, phase: 'applying' });
      switch (applying.outcome) {
        case 'terminal':
          // Ended already: a newer request superseded it meanwhile, or this is a redelivery.
          this.d.metrics.requests.inc({ outcome: (applying.current?.revision ?? 0) > p.revision ? 'superseded' : 'finished' });
          this.d.logger.info({ current: applying.current?.phase }, 'deploy already finished; a redelivery changes nothing');
          return;
        case 'stale':
          return this.supersede(status);
        case 'conflict':
          throw new DeadLetterError(`revision ${p.revision} of ${p.app} belongs to another deploy id (${applying.current?.deployId ?? 'unknown'})`);
        default: // applied, or backwards/duplicate: a redelivery after the worker died mid-way; applying again is idempotent
      }
      const outcome = await this.run(p, status);
      if (!outcome) return;
      if (outcome.kind === 'stale') {
        return this.supersede(status, `revision ${outcome.runningRevision} of this app is already running; this older deploy was skipped.`, 'stale');
      }
      this.d.metrics.requests.inc({ outcome: outcome.kind });
      if (outcome.kind === 'removed') {
        await this.d.status.write({ ...status, phase: 'removed', message: 'The app was stopped and removed.' });
        return;
      }
      await this.d.status.write({ ...status, phase: 'rolling-out' });
    } finally {
      await lock.release();
    }
  }

  /** Calls the runtime; returns undefined when the deploy ended in failure here. */
  private async run(p: DeployRequest, status: StatusBase): Promise<ApplyOutcome | undefined> {
    const started = performance.now();
    try {
      const outcome =
        p.action === 'deploy'
          ? await this.d.runtime.apply({ app: p.app, revision: p.revision, deployId: p.deployId, commit: p.commit!, cloneUrl: p.cloneUrl!, requestedAt: p.requestedAt })
          : await this.d.runtime.remove({ app: p.app, revision: p.revision, deployId: p.deployId });
      this.d.metrics.applySeconds.observe({ runtime: this.d.runtime.kind, action: p.action }, (performance.now() - started) / 1000);
      return outcome;
    } catch (error) {
      if (isDeployFailure(error)) {
        this.d.metrics.requests.inc({ outcome: 'failed' });
        await this.d.status.write({ ...status, phase: 'failed', reason: error.reason, message: error.message, logTail: error.logTail });
        return undefined;
      }
      if (await this.d.budget.exhausted(p.app, p.revision)) {
        this.d.logger.error({ err: error }, 'giving up on the deploy after repeated transient failures');
        this.d.metrics.requests.inc({ outcome: 'failed' });
        await this.d.status.write({
          ...status,
          phase: 'failed',
          reason: 'internal',
          message: 'The platform could not start this deploy after several attempts. Please deploy again in a minute.',
        });
        return undefined;
      }
      throw error;
    }
  }

  private async superseded(p: DeployRequest): Promise<boolean> {
    const desired = await this.d.store.desired(p.app);
    return desired !== undefined && desired.revision > p.revision;
  }

  private async supersede(status: StatusBase, message = 'A newer deploy of this app was requested, so this one was skipped.', outcome = 'superseded'): Promise<void> {
    this.d.metrics.requests.inc({ outcome });
    await this.d.status.write({ ...status, phase: 'superseded', message });
  }
}
