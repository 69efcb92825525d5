import { Inject, Injectable } from '@nestjs/common';
import type { DeployAction } from '@imad/contracts';
import { enrichContext, LOGGER, type Logger } from '@imad/observability';
import { newDeployId } from '@imad/status';
import { appUrl, type Config } from '../config';
import { APP_CONFIG } from '../config.token';
import { GatewayError } from '../http/gateway-error';
import { DEPLOY_QUEUE, type DeployQueuePort } from '../ports/deploy-queue.port';
import type { Student } from '../ports/session.port';
import { STATUS_STORE, type StatusPort } from '../ports/status.port';
import type { DeployAccepted } from './deploy-accepted.schema';

export interface DeployTarget {
  action: DeployAction;
  commit?: string;
  cloneUrl?: string;
}

/**
 * Records the request as desired + `queued` in Redis (latest wins, new revision), then
 * puts `deploy.requested` on the queue and waits for RabbitMQ's confirm. If the queue
 * refuses, the deploy is marked `failed(internal)` so the IDE never waits on a deploy
 * nobody will run, and the browser gets 503 to try again.
 */
@Injectable()
export class DeployEnqueuer {
  constructor(
    @Inject(STATUS_STORE) private readonly status: StatusPort,
    @Inject(DEPLOY_QUEUE) private readonly queue: DeployQueuePort,
    @Inject(APP_CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async enqueue(student: Student, target: DeployTarget): Promise<DeployAccepted> {
    const deployId = newDeployId();
    enrichContext({ deployId });
    const app = student.appName;
    const url = target.action === 'deploy' ? appUrl(this.config, app) : undefined;
    const { revision, status } = await this.status.requestDeploy({ app, userId: student.userId, deployId, action: target.action, commit: target.commit, url });
    try {
      await this.queue.sendDeployRequest(
        { deployId, userId: student.userId, app, action: target.action, revision, commit: target.commit, cloneUrl: target.cloneUrl, requestedAt: status.at },
        { id: deployId },
      );
    } catch (error) {
      this.logger.error({ err: error, revision }, 'deploy request could not be queued; marking it failed');
      await this.status
        .transition({ deployId, app, revision, action: target.action, commit: target.commit, phase: 'failed', reason: 'internal', message: 'The deploy could not be queued. Press Deploy again in a moment.' })
        .catch((e: unknown) => this.logger.error({ err: e }, 'could not mark the unqueued deploy failed'));
      throw new GatewayError(503, 'DEPLOY.UNAVAILABLE', 'Deploys cannot be queued right now; please try again in a moment.', { cause: error });
    }
    this.logger.info({ revision, action: target.action, commit: target.commit }, 'deploy requested');
    return { deployId, revision, status };
  }
}
