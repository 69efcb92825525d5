import type { DeployStatus } from '../deploy/deploy-status';
import type { TreeEntry } from '../workspace/workspace';
import type { FileChange } from '../workspace/file-entry';

/** Shapes of the browser-facing API (docs/WORKSPACE.md, "Browser-facing HTTP"). */
export interface Me {
  userId: string;
  login: string;
  appName: string;
  appUrl: string;
}

export interface Tree {
  head: string;
  entries: TreeEntry[];
}

export interface FileBody {
  path: string;
  content: string;
  encoding: 'utf8' | 'base64';
  binary: boolean;
  blobId: string;
}

export interface CommitRequest {
  baseCommit: string;
  message: string;
  changes: FileChange[];
}

export interface CommitResult {
  commit: string;
  /** The commit it went on top of: not the base when someone saved other files meanwhile. */
  parent: string;
  /** Nothing differed from the head: no commit was made. */
  unchanged?: boolean;
}

export interface CommitSummary {
  id: string;
  message: string;
  author: string;
  at: string;
}

export interface DeployAccepted {
  deployId: string;
  revision: number;
  status: DeployStatus | string;
}

export interface Deploys {
  current: DeployStatus | null;
  history: DeployStatus[];
}

export interface LogLine {
  at?: string;
  stream?: 'stdout' | 'stderr' | string;
  line: string;
}
