import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CommitId, RepoInfo } from '@imad/contracts';
import type { CommitRequest, CommitResult, GitHost, ProvisionTarget, RepoRef, RevertRequest } from '../core/githost.port';
import { RepoErrors } from '../core/repo-errors';
import { BlobKinds } from './blob-kinds';
import { Housekeeping } from './housekeeping';
import { KeyedMutex } from '../core/keyed-mutex';
import { LocalLayout } from './layout';
import { commitChanges } from './local-commit';
import { readDiff, readFile, readHistory, readTree } from './local-reads';
import { batchCheck } from './objects';
import { createFromTemplate } from './provision';
import { revertTo } from './revert';
import { importTemplate } from './template-import';

export interface LocalGitHostOptions {
  dataDir: string;
  /** The course template directory shipped in the project. */
  templateDir: string;
  /** Smart-HTTP base the runtimes clone from: `<gitHttpUrl>/<app>.git`. */
  gitHttpUrl: string;
}

const BRANCH = 'main';
const REF = `refs/heads/${BRANCH}`;

/**
 * The embedded default GitHost: one bare repository per app under DATA_DIR, driven by the
 * real git CLI. Writes to one repository are serialized in this process (KeyedMutex) and
 * guarded across processes by compare-and-swap ref updates.
 */
export class LocalGitHost implements GitHost {
  readonly kind = 'local' as const;
  readonly layout: LocalLayout;
  private readonly writes = new KeyedMutex();
  private readonly kinds = new BlobKinds();
  private readonly housekeeping = new Housekeeping();
  private readonly templateGitDir: string;
  private template?: Promise<string>;

  constructor(private readonly options: LocalGitHostOptions) {
    this.layout = new LocalLayout(options.dataDir);
    this.templateGitDir = this.layout.templateGitDir(path.basename(options.templateDir));
  }

  /** Imports the template (first start, or after it changed) and clears leftovers of crashed builds. */
  start(): Promise<string> {
    this.template ??= (async () => {
      await mkdir(this.layout.reposDir, { recursive: true });
      await clearStale(this.layout.tmpDir);
      return importTemplate(this.options.templateDir, this.templateGitDir, this.layout.tmpDir);
    })();
    return this.template;
  }

  async provision(target: ProvisionTarget): Promise<RepoInfo> {
    await this.start();
    const gitDir = this.layout.gitDir(target.appName);
    await this.writes.run(target.appName, () => createFromTemplate(gitDir, this.layout.tmpDir, this.templateGitDir, identity(target)));
    return this.infoOf(target.appName);
  }

  async info(repo: RepoRef): Promise<RepoInfo> {
    await this.existing(repo);
    return this.infoOf(repo.appName);
  }

  async tree(repo: RepoRef) {
    return readTree(await this.existing(repo), REF, this.kinds);
  }

  async read(repo: RepoRef, filePath: string, commit?: CommitId) {
    return readFile(await this.existing(repo), REF, filePath, commit);
  }

  async commit(repo: RepoRef, request: CommitRequest): Promise<CommitResult> {
    const gitDir = await this.existing(repo);
    const ctx = { gitDir, ref: REF, author: identity(repo) };
    const result = await this.writes.run(repo.appName, () => commitChanges(ctx, request.baseCommit, request.message, request.changes));
    if (!result.unchanged) this.housekeeping.saved(gitDir);
    return result;
  }

  async history(repo: RepoRef, query: { path?: string; limit: number }) {
    return readHistory(await this.existing(repo), REF, query);
  }

  async diff(repo: RepoRef, query: { from: CommitId; to: CommitId; path?: string }) {
    return readDiff(await this.existing(repo), query);
  }

  async revert(repo: RepoRef, request: RevertRequest): Promise<CommitResult> {
    const gitDir = await this.existing(repo);
    return this.writes.run(repo.appName, () => revertTo({ gitDir, ref: REF, author: identity(repo) }, request.commit, request.baseCommit));
  }

  cloneUrl(app: string): string {
    return `${this.options.gitHttpUrl.replace(/\/+$/, '')}/${app}.git`;
  }

  private async infoOf(app: string): Promise<RepoInfo> {
    const [head] = await batchCheck(this.layout.gitDir(app), [REF]);
    if (!head) throw new Error(`repository of ${app} has no ${REF}`);
    return { host: 'local', appName: app, fullName: app, defaultBranch: BRANCH, head: head.id, cloneUrl: this.cloneUrl(app) };
  }

  /** The registry says the workspace exists; if its directory is gone, say so instead of a git error. */
  private async existing(repo: RepoRef): Promise<string> {
    const gitDir = this.layout.gitDir(repo.appName);
    if (!(await stat(path.join(gitDir, 'HEAD')).catch(() => undefined))) throw RepoErrors.noWorkspace(repo.userId);
    return gitDir;
  }
}

function identity(who: { login: string; userId: string }) {
  return { name: who.login, email: `${who.userId}@users.imad.invalid` };
}

/** Half-built repositories and indexes older than an hour belong to crashed processes. */
async function clearStale(tmpDir: string): Promise<void> {
  await mkdir(tmpDir, { recursive: true });
  const cutoff = Date.now() - 60 * 60 * 1000;
  for (const name of await readdir(tmpDir)) {
    const full = path.join(tmpDir, name);
    const info = await stat(full).catch(() => undefined);
    if (info && info.mtimeMs < cutoff) await rm(full, { recursive: true, force: true });
  }
}
