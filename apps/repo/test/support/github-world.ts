import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createLogger } from '@imad/observability';
import { repoRoot } from '@imad/testing';
import type { RepoRef } from '../../src/core/githost.port';
import { GitHubGitHost } from '../../src/github/github-githost';
import { StaticTokens } from '../../src/github/github-tokens';
import { GitHubClients } from '../../src/github/octokit-factory';
import { operationFor, missingResponseFields, requestProblems } from './fake-github/openapi';
import { addRepo } from './fake-github/routes';
import { FakeGitHub } from './fake-github/server';

export const TEMPLATE = 'imad-course/node-starter';

export interface GitHubWorld {
  fake: FakeGitHub;
  host: GitHubGitHost;
  clients: GitHubClients;
  tokens: StaticTokens;
  /** A student with a GitHub account and token; `ref` is their workspace as the registry would hold it. */
  student(): { target: { userId: string; login: string; appName: string }; token: string; ref: RepoRef };
  /** Every way a recorded request or a fake answer departs from GitHub's REST description. */
  openapiProblems(): string[];
  close(): Promise<void>;
}

/**
 * The GitHub adapter against a fake GitHub serving recorded and described answers, with
 * fast back-off (tests) but the real retry and throttling plugins.
 */
export async function githubWorld(options: { templateIsTemplate?: boolean; timeoutMs?: number } = {}): Promise<GitHubWorld> {
  const fake = await FakeGitHub.start();
  await addRepo(fake, TEMPLATE, { dir: path.join(repoRoot, 'templates/node-starter'), isTemplate: options.templateIsTemplate ?? true, owner: 'imad-course' });
  const tokens: Record<string, string> = {};
  const logger = createLogger('repo-github-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  const clients = new GitHubClients({ baseUrl: fake.url, timeoutMs: options.timeoutMs ?? 2000, maxRateLimitWaitSeconds: 5, retryAfterBaseValue: 20, retries: 2, logger });
  const staticTokens = new StaticTokens(tokens);
  const host = new GitHubGitHost({ clients, tokens: staticTokens, templateRepo: TEMPLATE, readyTimeoutMs: 5000, pollIntervalMs: 50, logger });
  return {
    fake,
    host,
    clients,
    tokens: staticTokens,
    student() {
      const id = randomBytes(5).toString('hex');
      const target = { userId: `u_${id}`, login: `student${id}`, appName: `app-${id}` };
      const token = `gho_${randomBytes(18).toString('hex')}`;
      tokens[target.userId] = token;
      fake.addUser(target.login, token);
      return { target, token, ref: { ...target, host: 'github', fullName: `${target.login}/${target.appName}`, defaultBranch: 'main' } };
    },
    openapiProblems() {
      return fake.requests.flatMap((r) => {
        const problems = requestProblems(r.method, r.url, r.body);
        const op = operationFor(r.method, new URL(r.url, fake.url).pathname);
        if (op && !r.fault && r.status >= 200 && r.status < 300 && typeof r.response === 'object') {
          for (const field of missingResponseFields(op.operationId, op.template, r.method, r.status, r.response)) problems.push(`fake answer to ${op.operationId} lacks "${field}"`);
        }
        return problems;
      });
    },
    close: () => fake.close(),
  };
}

/** The operations a run used, in order, without the repeated ones: what the adapter really does. */
export const operations = (fake: FakeGitHub, since = 0) => fake.requests.slice(since).map((r) => `${r.operationId ?? '?'} ${r.status}`);

/**
 * Jest hooks: one GitHub world for the enclosing describe block. After it, every request the
 * fake saw must have matched GitHub's published API description.
 */
export function useGitHubWorld(options: Parameters<typeof githubWorld>[0] = {}): GitHubWorld {
  let world: GitHubWorld | undefined;
  beforeAll(async () => {
    world = await githubWorld(options);
  });
  afterAll(async () => {
    const problems = world?.openapiProblems() ?? [];
    await world?.close();
    expect(problems).toEqual([]);
  });
  return new Proxy({} as GitHubWorld, {
    get(_, key) {
      if (!world) throw new Error('the GitHub world exists only inside tests and hooks');
      const value = Reflect.get(world, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(world) : value;
    },
  });
}
