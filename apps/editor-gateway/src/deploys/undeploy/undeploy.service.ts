import { Inject, Injectable } from '@nestjs/common';
import { isTerminal } from '@imad/contracts';
import type { Config } from '../../config';
import { APP_CONFIG } from '../../config.token';
import type { Student } from '../../ports/session.port';
import { STATUS_STORE, type StatusPort } from '../../ports/status.port';
import { RATE_LIMITER, type RateLimiter } from '../../rate-limit/rate-limiter';
import { rateLimited } from '../../rate-limit/rate-limited.error';
import type { DeployAccepted } from '../deploy-accepted.schema';
import { DeployEnqueuer } from '../deploy-enqueuer';
import { STUDENT_LOCK, type StudentLock } from '../student-lock';

/** Take the student's app offline; same queue, revision and budget as a deploy. */
@Injectable()
export class UndeployService {
  constructor(
    @Inject(STATUS_STORE) private readonly status: StatusPort,
    @Inject(RATE_LIMITER) private readonly limiter: Pick<RateLimiter, 'take'>,
    @Inject(DeployEnqueuer) private readonly enqueuer: DeployEnqueuer,
    @Inject(STUDENT_LOCK) private readonly lock: Pick<StudentLock, 'run'>,
    @Inject(APP_CONFIG) private readonly config: Pick<Config, 'DEPLOY_RATE_PER_MINUTE'>,
  ) {}

  undeploy(student: Student): Promise<DeployAccepted> {
    return this.lock.run(student.userId, async () => {
      const current = await this.status.current(student.appName);
      if (current?.action === 'undeploy' && !isTerminal(current.phase)) {
        return { deployId: current.deployId, revision: current.revision, status: current, coalesced: true };
      }
      const decision = await this.limiter.take('deploy', student.userId);
      if (!decision.allowed) throw rateLimited('deploy', decision, this.config.DEPLOY_RATE_PER_MINUTE);
      return this.enqueuer.enqueue(student, { action: 'undeploy' });
    });
  }
}
