import type { Logger } from '@imad/observability';
import { statusKeys, type Clock } from '@imad/status';
import type { Redis } from 'ioredis';
import { AppOutput, type LogSink } from '../app-output';
import type { KubeApi } from './kube-api';
import { LogFollower, type LogFollowerOptions } from './log-follower';
import { newestPod } from './pod-logs';

/**
 * After a deploy is ready, the worker whose report counted follows the new pod's output
 * for a while — only when someone listens on the app's log channel (an IDE with the app
 * open), so a burst of deploys nobody watches costs no pod lists and no log streams.
 */
export class OutputFollow {
  private readonly follower: LogFollower;

  constructor(
    private readonly api: KubeApi,
    private readonly redis: Redis | undefined,
    logs: LogSink,
    clock: Clock,
    private readonly logger: Logger,
    options: LogFollowerOptions,
  ) {
    this.follower = new LogFollower(api.kubeConfig, () => api.admit(), (app) => new AppOutput(app, logs, clock, logger), logger, options);
  }

  async onReady(app: string, namespace: string, instance: string): Promise<void> {
    if (!this.redis) return;
    try {
      const [, listeners] = (await this.redis.pubsub('NUMSUB', statusKeys(app).logChannel)) as [string, number];
      if (Number(listeners) === 0) return;
      const pod = await newestPod(this.api, namespace, instance);
      if (pod) await this.follower.follow(app, namespace, pod);
    } catch (error) {
      this.logger.debug({ err: error, app }, 'could not start following the app output');
    }
  }

  stopApp(app: string): void {
    this.follower.stopApp(app);
  }

  stop(): void {
    this.follower.stop();
  }
}
