import { Inject, Injectable } from '@nestjs/common';
import { isTerminal, type DeployStatus } from '@imad/contracts';
import type { Config } from '../../config';
import { APP_CONFIG } from '../../config.token';
import { RPC_CLIENT, type RpcPort } from '../../ports/rpc.port';
import type { Student } from '../../ports/session.port';
import { STATUS_STORE, type StatusPort } from '../../ports/status.port';
import { RATE_LIMITER, type RateLimiter } from '../../rate-limit/rate-limiter';
import { rateLimited } from '../../rate-limit/rate-limited.error';
import type { DeployAccepted } from '../deploy-accepted.schema';
import { DeployEnqueuer } from '../deploy-enqueuer';
import { STUDENT_LOCK, type StudentLock } from '../student-lock';
import { resolveDeployCommit } from './resolve-commit';

/**
 * Deploy HEAD (or an earlier commit). A student hammering Deploy is coalesced: while a
 * deploy of the same commit is still on its way, another press answers that deploy (202,
 * `coalesced: true`) and queues nothing; other presses spend from a per-minute budget
 * (429 + Retry-After when empty). Neither path can end in a 500. Presses arriving at the
 * same moment are decided one after the other (StudentLock), so they coalesce too.
 */
@Injectable()
export class RequestDeployService {
  constructor(
    @Inject(RPC_CLIENT) private readonly repo: RpcPort,
    @Inject(STATUS_STORE) private readonly status: StatusPort,
    @Inject(RATE_LIMITER) private readonly limiter: Pick<RateLimiter, 'take'>,
    @Inject(DeployEnqueuer) private readonly enqueuer: DeployEnqueuer,
    @Inject(STUDENT_LOCK) private readonly lock: Pick<StudentLock, 'run'>,
    @Inject(APP_CONFIG) private readonly config: Pick<Config, 'DEPLOY_RATE_PER_MINUTE'>,
  ) {}

  async deploy(student: Student, requested?: string): Promise<DeployAccepted> {
    const { commit, cloneUrl } = await resolveDeployCommit(this.repo, student.userId, requested);
    return this.lock.run(student.userId, async () => {
      const inFlight = sameDeployInFlight(await this.status.current(student.appName), commit);
      if (inFlight) return { deployId: inFlight.deployId, revision: inFlight.revision, status: inFlight, coalesced: true };
      const decision = await this.limiter.take('deploy', student.userId);
      if (!decision.allowed) throw rateLimited('deploy', decision, this.config.DEPLOY_RATE_PER_MINUTE);
      return this.enqueuer.enqueue(student, { action: 'deploy', commit, cloneUrl });
    });
  }
}

/** The current deploy when it is of this very commit and has not finished yet. */
export function sameDeployInFlight(current: DeployStatus | undefined, commit: string): DeployStatus | undefined {
  if (!current || current.action === 'undeploy' || isTerminal(current.phase)) return undefined;
  return current.commit === commit ? current : undefined;
}
