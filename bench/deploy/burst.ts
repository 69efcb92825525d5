import { randomBytes, randomUUID } from 'node:crypto';
import { DeployRequested, encodeEnvelope } from '@imad/contracts';
import { newDeployId, type StatusStore } from '@imad/status';
import type { ConfirmChannel } from 'amqplib';

export interface SentDeploy {
  app: string;
  deployId: string;
  revision: number;
}

/** `requests` deploys by `students` students at random moments within `windowSeconds`. */
export function schedule(requests: number, students: number, windowSeconds: number, appOf: (student: number) => string): { atMs: number; app: string }[] {
  return Array.from({ length: requests }, () => ({
    atMs: Math.random() * windowSeconds * 1000,
    app: appOf(Math.floor(Math.random() * students)),
  })).sort((a, b) => a.atMs - b.atMs);
}

/**
 * Sends each deploy the way the gateway does: `requestDeploy` in Redis (revision, desired,
 * queued), then a persistent, confirmed `deploy.requested` on the queue. Returns once the
 * broker confirmed every one.
 */
export async function dispatch(plan: { atMs: number; app: string }[], store: StatusStore, ch: ConfirmChannel, queue: string, cloneUrl: (app: string) => string): Promise<SentDeploy[]> {
  const started = performance.now();
  const sent: Promise<SentDeploy>[] = [];
  for (const item of plan) {
    const wait = item.atMs - (performance.now() - started);
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    sent.push(send(item.app, store, ch, queue, cloneUrl(item.app)));
  }
  return Promise.all(sent);
}

async function send(app: string, store: StatusStore, ch: ConfirmChannel, queue: string, cloneUrl: string): Promise<SentDeploy> {
  const commit = randomBytes(20).toString('hex');
  const { revision, status } = await store.requestDeploy({ app, userId: 'u_benchstudent', deployId: newDeployId(), action: 'deploy', commit });
  const body = encodeEnvelope(DeployRequested, {
    deployId: status.deployId,
    userId: 'u_benchstudent',
    app,
    action: 'deploy',
    revision,
    commit,
    cloneUrl,
    requestedAt: status.at,
  }, { id: randomUUID() });
  await new Promise<void>((resolve, reject) => ch.sendToQueue(queue, body, { persistent: true, contentType: 'application/json' }, (err) => (err ? reject(err) : resolve())));
  return { app, deployId: status.deployId, revision };
}
