import { randomBytes } from 'node:crypto';
import type { DeployStatus } from '@imad/contracts';
import { statusKeys } from '@imad/status';
import type { Redis } from 'ioredis';

export const PHASES = ['queued', 'applying', 'rolling-out', 'ready'] as const;

/**
 * Publishes each app's deploy moving through PHASES on the app's real status channel, in
 * the store's own format, at a steady `rate` per second (the gateway parses them like any
 * status). `sentAt` gets the publish time of each `app|phase`. Resolves with the seconds it took.
 */
export async function publishDeploys(publisher: Redis, apps: string[], rate: number, sentAt: Map<string, number>): Promise<number> {
  const events = PHASES.flatMap((phase) => apps.map((app) => ({ app, phase })));
  const deployIds = new Map(apps.map((app) => [app, `d_${randomBytes(9).toString('base64url')}`]));
  const started = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(events.length, Math.floor(((performance.now() - started) / 1000) * rate));
      for (; sent < due; sent++) {
        const { app, phase } = events[sent]!;
        const status: DeployStatus = { deployId: deployIds.get(app)!, app, revision: 1, phase, action: 'deploy', commit: 'a'.repeat(40), at: new Date().toISOString() };
        sentAt.set(`${app}|${phase}`, performance.now());
        publisher.publish(statusKeys(app).statusChannel, JSON.stringify(status)).catch(() => undefined);
      }
      if (sent >= events.length) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  return (performance.now() - started) / 1000;
}
