import type { CommitId, RepoInfo } from '@imad/contracts';
import type { Logger } from '@imad/observability';
import type { CommitRequest, CommitResult, GitHost, ProvisionTarget, RepoRef, RevertRequest } from '../core/githost.port';
import { KeyedMutex } from '../core/keyed-mutex';
import { fromGitHub } from './github-errors';
import { commitOnGitHub } from './github-commit';
import { provisionOnGitHub } from './github-provision';
import { diffOnGitHub, historyOnGitHub, readOnGitHub, treeOnGitHub } from './github-reads';
import { branchHead, splitFullName, type GitHubRepoContext } from './github-repo';
import { revertOnGitHub } from './github-revert';
import type { GitHubTokens } from './github-tokens';
import type { GitHubClients } from './octokit-factory';

export interface GitHubGitHostOptions {
  clients: GitHubClients;
  tokens: GitHubTokens;
  /** `owner/name` of the course template on GitHub. */
  templateRepo: string;
  readyTimeoutMs?: number;
  pollIntervalMs?: number;
  logger: Logger;
}

/**
 * Students' repositories in their own GitHub accounts, reached with their own tokens.
 * Multi-file saves are single commits through the Git Data API; every GET is conditional
 * (ETag); rate limits are respected per student (see GitHubClients).
 */
export class GitHubGitHost implements GitHost {
  readonly kind = 'github' as const;
  // One write at a time per repository from this process: the fast-forward-only ref update
  // still guards against other processes, this just avoids losing races to ourselves.
  private readonly writes = new KeyedMutex();

  constructor(private readonly options: GitHubGitHostOptions) {}

  async provision(target: ProvisionTarget): Promise<RepoInfo> {
    const octokit = this.options.clients.forUser(target.userId, await this.options.tokens.tokenFor(target.userId));
    const repo = await this.writes.run(`${target.login}/${target.appName}`, () => provisionOnGitHub(octokit, target.login, target.appName, {
      template: splitFullName(this.options.templateRepo),
      readyTimeoutMs: this.options.readyTimeoutMs ?? 60_000,
      pollIntervalMs: this.options.pollIntervalMs ?? 500,
      logger: this.options.logger,
    }));
    return { host: 'github', appName: target.appName, fullName: repo.fullName, defaultBranch: repo.defaultBranch, head: repo.head, cloneUrl: repo.cloneUrl };
  }

  async info(ref: RepoRef): Promise<RepoInfo> {
    const ctx = await this.context(ref);
    const [head, repo] = await Promise.all([
      branchHead(ctx),
      ctx.octokit.rest.repos.get({ owner: ctx.owner, repo: ctx.repo }).catch((error) => {
        throw fromGitHub(error, `read ${ref.fullName}`);
      }),
    ]);
    return { host: 'github', appName: ref.appName, fullName: ref.fullName, defaultBranch: ref.defaultBranch, head, cloneUrl: repo.data.clone_url };
  }

  async tree(ref: RepoRef) {
    return treeOnGitHub(await this.context(ref));
  }

  async read(ref: RepoRef, path: string, commit?: CommitId) {
    return readOnGitHub(await this.context(ref), path, commit);
  }

  async commit(ref: RepoRef, request: CommitRequest): Promise<CommitResult> {
    const ctx = await this.context(ref);
    return this.writes.run(ref.fullName, () => commitOnGitHub(ctx, request.baseCommit, request.message, request.changes));
  }

  async history(ref: RepoRef, query: { path?: string; limit: number }) {
    return historyOnGitHub(await this.context(ref), query);
  }

  async diff(ref: RepoRef, query: { from: CommitId; to: CommitId; path?: string }) {
    return diffOnGitHub(await this.context(ref), query);
  }

  async revert(ref: RepoRef, request: RevertRequest): Promise<CommitResult> {
    const ctx = await this.context(ref);
    return this.writes.run(ref.fullName, () => revertOnGitHub(ctx, request.commit, request.baseCommit));
  }

  private async context(ref: RepoRef): Promise<GitHubRepoContext> {
    const octokit = this.options.clients.forUser(ref.userId, await this.options.tokens.tokenFor(ref.userId));
    return { octokit, ...splitFullName(ref.fullName), branch: ref.defaultBranch };
  }
}
