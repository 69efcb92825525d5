import type { DeployRequested, PayloadOf } from '@imad/contracts';

/** Puts a deploy request on the durable queue and resolves once RabbitMQ confirmed it (Publisher). */
export interface DeployQueuePort {
  sendDeployRequest(payload: PayloadOf<typeof DeployRequested>, opts?: { id?: string }): Promise<{ id: string }>;
}

export const DEPLOY_QUEUE = Symbol('DEPLOY_QUEUE');
