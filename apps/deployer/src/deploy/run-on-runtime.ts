import { isDeployFailure } from '../core/deploy-failure';
import type { ApplyOutcome } from '../core/runtime.port';
import type { DeployRequest, DeployServiceDeps, StatusBase } from './deploy.service';

/**
 * Hands the deploy to the runtime. An expected failure (DeployFailure) ends the deploy
 * here with its reason; a transient one is thrown for the queue to retry, until the
 * attempt budget is spent, then it ends as failed(internal). Returns undefined when the
 * deploy ended here.
 */
export async function runOnRuntime(d: DeployServiceDeps, p: DeployRequest, status: StatusBase): Promise<ApplyOutcome | undefined> {
  const started = performance.now();
  try {
    const outcome =
      p.action === 'deploy'
        ? await d.runtime.apply({ app: p.app, revision: p.revision, deployId: p.deployId, commit: p.commit!, cloneUrl: p.cloneUrl!, requestedAt: p.requestedAt })
        : await d.runtime.remove({ app: p.app, revision: p.revision, deployId: p.deployId });
    d.metrics.applySeconds.observe({ runtime: d.runtime.kind, action: p.action }, (performance.now() - started) / 1000);
    return outcome;
  } catch (error) {
    if (isDeployFailure(error)) {
      d.metrics.requests.inc({ outcome: 'failed' });
      await d.status.write({ ...status, phase: 'failed', reason: error.reason, message: error.message, logTail: error.logTail });
      return undefined;
    }
    if (await d.budget.exhausted(p.app, p.revision)) {
      d.logger.error({ err: error }, 'giving up on the deploy after repeated transient failures');
      d.metrics.requests.inc({ outcome: 'failed' });
      await d.status.write({
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
