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
 * and within a deploy the phase only moves forward (queued → applying → rolling-out → end).
 */
export function supersedes(incoming: DeployStatus, shown: DeployStatus | null): boolean {
  if (!shown) return true;
  if (incoming.revision !== shown.revision) return incoming.revision > shown.revision;
  if (incoming.deployId !== shown.deployId) return true;
  // The 202 answer ("queued") can arrive after the socket already said "applying".
  return rank(incoming.phase) >= rank(shown.phase);
}

function rank(phase: DeployPhase): number {
  if (isTerminal(phase)) return 3;
  return phase === 'rolling-out' ? 2 : phase === 'applying' ? 1 : 0;
}

/**
 * The gateway's history lists every transition (queued, applying, …), newest first; the
 * deploy list shows each deploy once, in its latest phase, newest deploy first.
 */
export function latestPerDeploy(transitions: readonly DeployStatus[]): DeployStatus[] {
  const byId = new Map<string, DeployStatus>();
  for (const t of transitions) {
    const seen = byId.get(t.deployId);
    if (!seen || t.revision > seen.revision || (t.revision === seen.revision && Date.parse(t.at) > Date.parse(seen.at))) byId.set(t.deployId, t);
  }
  return [...byId.values()].sort((a, b) => b.revision - a.revision || Date.parse(b.at) - Date.parse(a.at));
}
