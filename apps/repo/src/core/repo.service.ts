import type { CommitId, FileChangeInput, RepoInfo } from '@imad/contracts';
import { enrichContext } from '@imad/observability';
import type { WorkspaceRecord, WorkspaceRegistry } from '../workspace/workspace-registry';
import { buildChangeSet, checkPath, type SaveLimits } from './change-set';
import type { CommitResult, GitHost, ProvisionTarget, RepoRef } from './githost.port';
import { RepoErrors } from './repo-errors';

/**
 * The repo service's use cases. Each resolves the caller's workspace from `userId` through
 * the registry — the only way to name a repository — validates input completely, and only
 * then asks the GitHost, so a bad request never reaches git or GitHub.
 */
export class RepoService {
  constructor(
    private readonly host: GitHost,
    private readonly registry: WorkspaceRegistry,
    private readonly limits: SaveLimits,
  ) {}

  /** Idempotent: a user has one workspace. A retry after a crash finishes what was started. */
  async provision(target: ProvisionTarget): Promise<RepoInfo> {
    enrichContext({ userId: target.userId, app: target.appName });
    const claim = await this.registry.claim({ ...target, host: this.host.kind, state: 'provisioning', createdAt: new Date().toISOString() });
    if (claim.outcome === 'taken') throw RepoErrors.appTaken(target.appName);
    const { record } = claim;
    const info = await this.host.provision({ userId: record.userId, login: record.login, appName: record.appName });
    if (record.state !== 'ready') await this.registry.markReady({ ...record, fullName: info.fullName, defaultBranch: info.defaultBranch });
    return info;
  }

  async info(userId: string): Promise<RepoInfo> {
    return this.host.info(await this.resolve(userId));
  }

  async tree(userId: string) {
    return this.host.tree(await this.resolve(userId));
  }

  async read(userId: string, path: string, commit?: CommitId) {
    const repo = await this.resolve(userId);
    return this.host.read(repo, checkPath('path', path), commit);
  }

  async commit(userId: string, request: { baseCommit: CommitId; message: string; changes: FileChangeInput[] }): Promise<CommitResult> {
    const repo = await this.resolve(userId);
    const changes = buildChangeSet(request.changes, this.limits);
    return this.host.commit(repo, { baseCommit: request.baseCommit, message: request.message, changes });
  }

  async history(userId: string, query: { path?: string; limit: number }) {
    const repo = await this.resolve(userId);
    if (query.path !== undefined) checkPath('path', query.path);
    return this.host.history(repo, query);
  }

  async diff(userId: string, query: { from: CommitId; to: CommitId; path?: string }) {
    const repo = await this.resolve(userId);
    if (query.path !== undefined) checkPath('path', query.path);
    return this.host.diff(repo, query);
  }

  async revert(userId: string, request: { commit: CommitId; baseCommit: CommitId }): Promise<CommitResult> {
    return this.host.revert(await this.resolve(userId), request);
  }

  private async resolve(userId: string): Promise<RepoRef> {
    enrichContext({ userId });
    const record = await this.registry.get(userId);
    if (!record) throw RepoErrors.noWorkspace(userId);
    if (record.state !== 'ready' || !record.fullName || !record.defaultBranch) throw RepoErrors.notReady(userId);
    enrichContext({ app: record.appName });
    return toRef(record as Required<WorkspaceRecord>);
  }
}

function toRef(record: Required<WorkspaceRecord>): RepoRef {
  const { userId, login, appName, host, fullName, defaultBranch } = record;
  return { userId, login, appName, host, fullName, defaultBranch };
}
