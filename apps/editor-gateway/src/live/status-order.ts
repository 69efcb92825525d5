import { isTerminal, type DeployPhase, type DeployStatus } from '@imad/contracts';

const rank = (phase: DeployPhase): number => (isTerminal(phase) ? 3 : ['queued', 'applying', 'rolling-out'].indexOf(phase));

/**
 * True when `next` is a later state of the app than `shown`: a newer revision, or a
 * further phase of the same one, or (same phase, e.g. a new queue position) a later time.
 * The socket only ever moves the IDE's status forward, so the replay of the current
 * state, a reconnect's catch-up and the live stream can overlap without flicker.
 */
export function isLater(next: DeployStatus, shown: DeployStatus | null): boolean {
  if (!shown) return true;
  if (next.revision !== shown.revision) return next.revision > shown.revision;
  const byPhase = rank(next.phase) - rank(shown.phase);
  if (byPhase !== 0) return byPhase > 0;
  return next.at > shown.at;
}
