import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '@imad/contracts';

export interface FakeCommit {
  id: string;
  parent?: string;
  message: string;
  at: string;
  files: Map<string, string>;
}

export interface FakeWorkspace {
  userId: string;
  appName: string;
  commits: FakeCommit[]; // oldest first
}

const commitId = () => createHash('sha1').update(randomBytes(16)).digest('hex');
const blobId = (content: string) => createHash('sha1').update(content).digest('hex');

/**
 * In-memory workspaces with the semantics the gateway relies on (per-user isolation,
 * REPO.NOT_FOUND for anything not in *this* user's repo, REPO.CONFLICT when the base
 * moved). Served over the real broker by fake-repo.ts.
 */
export class FakeWorkspaces {
  private readonly byUser = new Map<string, FakeWorkspace>();

  create(userId: string, appName: string, files: Record<string, string>): FakeWorkspace {
    const ws: FakeWorkspace = { userId, appName, commits: [] };
    this.byUser.set(userId, ws);
    this.push(ws, 'Initial commit from template', new Map(Object.entries(files)));
    return ws;
  }

  get(userId: string): FakeWorkspace {
    const ws = this.byUser.get(userId);
    if (!ws) throw new AppError('REPO.NOT_FOUND', 'no workspace for this user');
    return ws;
  }

  head(ws: FakeWorkspace): FakeCommit {
    return ws.commits[ws.commits.length - 1]!;
  }

  commit(ws: FakeWorkspace, id: string): FakeCommit {
    const found = ws.commits.find((c) => c.id === id);
    if (!found) throw new AppError('REPO.NOT_FOUND', `no commit ${id} in this workspace`);
    return found;
  }

  file(commit: FakeCommit, path: string): string {
    const content = commit.files.get(path);
    if (content === undefined) throw new AppError('REPO.NOT_FOUND', `no file ${path}`, { path });
    return content;
  }

  blob(content: string): string {
    return blobId(content);
  }

  push(ws: FakeWorkspace, message: string, files: Map<string, string>): FakeCommit {
    const parent = ws.commits.length ? this.head(ws).id : undefined;
    const commit = { id: commitId(), parent, message, at: new Date().toISOString(), files };
    ws.commits.push(commit);
    return commit;
  }
}
