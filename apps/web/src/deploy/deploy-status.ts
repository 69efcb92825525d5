/**
 * The deploy status the gateway pushes over `/api/live` (same shape as `deployStatusSchema`
 * in libs/contracts; the browser bundle does not import server libs, so it is restated here).
 */
export type DeployPhase = 'queued' | 'applying' | 'rolling-out' | 'ready' | 'failed' | 'superseded' | 'removed';
export type FailureReason = 'crash-loop' | 'probe-failing' | 'image-pull' | 'invalid' | 'timeout' | 'internal';

export interface DeployStatus {
  deployId: string;
  app: string;
  revision: number;
  commit?: string;
  phase: DeployPhase;
  reason?: FailureReason;
  message?: string;
  logTail?: string[];
  url?: string;
  queuePosition?: number;
  at: string;
}

export const terminalPhases: readonly DeployPhase[] = ['ready', 'failed', 'superseded', 'removed'];

export function isTerminal(phase: DeployPhase): boolean {
  return terminalPhases.includes(phase);
}

/**
 * Whether an incoming status should replace the one shown. Statuses of an older revision
 * can arrive late (a reconnect catching up, two tabs); the newest revision always wins,
 * and within a revision a terminal phase is never replaced by a non-terminal one.
 */
export function supersedes(incoming: DeployStatus, shown: DeployStatus | null): boolean {
  if (!shown) return true;
  if (incoming.revision !== shown.revision) return incoming.revision > shown.revision;
  if (incoming.deployId !== shown.deployId) return true;
  return !(isTerminal(shown.phase) && !isTerminal(incoming.phase));
}
