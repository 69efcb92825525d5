import { deployTargetProblem, type DeployRequested, type PayloadOf } from '@imad/contracts';
import { DeadLetterError } from '@imad/messaging';
import { runWithContext, type Logger } from '@imad/observability';
import type { Clock, StatusInput, StatusStore } from '@imad/status';
import type { AppLock } from '../core/app-lock';
import type { Runtime } from '../core/runtime.port';
import type { DeployerMetrics } from '../metrics/deployer-metrics';
import type { AttemptBudget } from './attempt-budget';
import { runOnRuntime } from './run-on-runtime';
import type { StatusWriter } from './status-writer';

export type DeployRequest = PayloadOf<typeof DeployRequested>;
export type StatusBase = Omit<StatusInput, 'phase'>;

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
      const outcome = await runOnRuntime(this.d, p, status);
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

  private async superseded(p: DeployRequest): Promise<boolean> {
    const desired = await this.d.store.desired(p.app);
    return desired !== undefined && desired.revision > p.revision;
  }

  private async supersede(status: StatusBase, message = 'A newer deploy of this app was requested, so this one was skipped.', outcome = 'superseded'): Promise<void> {
    this.d.metrics.requests.inc({ outcome });
    await this.d.status.write({ ...status, phase: 'superseded', message });
  }
}
