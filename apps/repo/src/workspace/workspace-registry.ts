/**
 * Who owns which workspace: userId → workspace, and app name → userId (so an app name is
 * never given to two users). Tenancy rests on this map: every RPC resolves its repository
 * from the caller's userId here and nowhere else.
 */
export interface WorkspaceRecord {
  userId: string;
  login: string;
  appName: string;
  host: 'local' | 'github';
  /** Set once the repository exists (`owner/name` on GitHub, `<app>` locally). */
  fullName?: string;
  defaultBranch?: string;
  state: 'provisioning' | 'ready';
  createdAt: string;
}

export type ClaimResult =
  | { outcome: 'claimed' | 'existing'; record: WorkspaceRecord }
  | { outcome: 'taken'; owner: string };

export interface WorkspaceRegistry {
  get(userId: string): Promise<WorkspaceRecord | undefined>;
  /**
   * Atomically: the user's existing record if there is one (whatever app was asked for);
   * else, if the app name is free or already theirs, a new `provisioning` record; else `taken`.
   */
  claim(record: WorkspaceRecord): Promise<ClaimResult>;
  markReady(record: WorkspaceRecord & { fullName: string; defaultBranch: string }): Promise<WorkspaceRecord>;
}

export const WORKSPACE_REGISTRY = Symbol('WORKSPACE_REGISTRY');
