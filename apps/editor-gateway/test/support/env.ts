import { RepoCommit, RepoDiff, RepoHistory, RepoInfoRpc, RepoRead, RepoRevert, RepoTree } from '@imad/contracts';
import { Redis } from 'ioredis';
import { redisUrl } from '@imad/testing';
import type { Logger } from '@imad/observability';
import type { LiveLimits } from '../../src/live/live-limits';
import { serveFakeRepo } from './fake-repo';
import type { FakeWorkspace, FakeWorkspaces } from './fake-workspaces';
import { startGateway, type RunningGateway } from './gateway';
import { signIn, type SignedIn } from './students';
import { resetQueues, testVhost } from './vhost';

export interface GatewayEnv {
  gateway: RunningGateway;
  redis: Redis;
  amqpUrl: string;
  workspaces: FakeWorkspaces;
  /** A signed-in student with a workspace holding `files`. */
  student(files?: Record<string, string>): Promise<SignedIn & { ws: FakeWorkspace }>;
  api(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

const REPO_METHODS = [RepoInfoRpc, RepoTree, RepoRead, RepoCommit, RepoHistory, RepoDiff, RepoRevert].map((c) => c.method);

export const TEMPLATE = { 'server.js': "require('http').createServer((q, s) => s.end('hello')).listen(process.env.PORT);\n", 'package.json': '{"name":"app"}\n' };

/** Real Redis, a RabbitMQ vhost of this file's own, the fake repo served over it, and the gateway. */
export async function gatewayEnv(options: { env?: Record<string, string>; liveLimits?: Partial<LiveLimits>; logger?: Logger; repo?: boolean } = {}): Promise<GatewayEnv> {
  const vhost = await testVhost();
  // Files share the run's vhost: start from an empty deploy queue and no repo RPC queues.
  await resetQueues(vhost.url, REPO_METHODS);
  const repo = options.repo === false ? undefined : await serveFakeRepo(vhost.url);
  const gateway = await startGateway({ amqpUrl: vhost.url, env: options.env, liveLimits: options.liveLimits, logger: options.logger });
  const redis = new Redis(redisUrl());
  return {
    gateway,
    redis,
    amqpUrl: vhost.url,
    get workspaces() {
      if (!repo) throw new Error('this environment has no repo');
      return repo.workspaces;
    },
    async student(files = TEMPLATE) {
      const who = await signIn(redis, { idleTtlSeconds: gateway.config.SESSION_TTL_SECONDS });
      const ws = repo ? repo.workspaces.create(who.userId, who.appName, files) : ({ userId: who.userId, appName: who.appName, commits: [] } as FakeWorkspace);
      return { ...who, ws };
    },
    api: (path, init) => fetch(`${gateway.url}${path}`, init),
    async close() {
      await gateway.close();
      await repo?.stop();
      redis.disconnect();
      await vhost.remove();
    },
  };
}
