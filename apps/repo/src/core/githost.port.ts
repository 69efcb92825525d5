import type { CommitId, RepoInfo } from '@imad/contracts';
import type { ChangeSet } from './change-set';

/**
 * Where students' repositories live. Two adapters: local bare repositories (embedded
 * default) and GitHub. The core talks only to this port; no git CLI or Octokit above it.
 * Every method acts on exactly the repository named by `RepoRef`, which the core resolved
 * from the calling user — adapters never pick a repository from request data.
 */
export interface GitHost {
  readonly kind: 'local' | 'github';
  /** Creates the workspace from the course template unless it exists. Idempotent, safe concurrently. */
  provision(target: ProvisionTarget): Promise<RepoInfo>;
  info(repo: RepoRef): Promise<RepoInfo>;
  tree(repo: RepoRef): Promise<Tree>;
  read(repo: RepoRef, path: string, commit?: CommitId): Promise<FileContent>;
  commit(repo: RepoRef, request: CommitRequest): Promise<CommitResult>;
  history(repo: RepoRef, query: { path?: string; limit: number }): Promise<CommitSummary[]>;
  diff(repo: RepoRef, query: { from: CommitId; to: CommitId; path?: string }): Promise<{ diff: string; truncated: boolean }>;
  revert(repo: RepoRef, request: RevertRequest): Promise<CommitResult>;
}

export const GITHOST = Symbol('GITHOST');

export interface ProvisionTarget {
  userId: string;
  login: string;
  appName: string;
}

/** A resolved workspace: what the registry stores for a user. */
export interface RepoRef {
  userId: string;
  login: string;
  appName: string;
  host: 'local' | 'github';
  /** `<app>` locally, `owner/name` on GitHub. */
  fullName: string;
  defaultBranch: string;
}

export interface Tree {
  head: CommitId;
  entries: { path: string; size: number; binary: boolean }[];
}

export interface FileContent {
  path: string;
  blobId: string;
  size: number;
  binary: boolean;
  encoding: 'utf8' | 'base64';
  content: string;
}

export interface CommitRequest {
  baseCommit: CommitId;
  message: string;
  changes: ChangeSet;
}

export interface RevertRequest {
  commit: CommitId;
  baseCommit: CommitId;
}

export interface CommitResult {
  commit: CommitId;
  parent: CommitId;
  unchanged?: boolean;
}

export interface CommitSummary {
  id: CommitId;
  message: string;
  author: string;
  at: string;
}
