import type { DeployAction, DeployStatus } from '@imad/contracts';
import type { Clock } from './clock';

export interface StatusStoreOptions {
  /** Entries kept in each app's history stream (approximate, MAXLEN ~). */
  historyLength?: number;
  clock?: Clock;
}

export interface DeployRequestInput {
  app: string;
  userId: string;
  deployId: string;
  action: DeployAction;
  /** Required for `deploy`; the exact commit to run. */
  commit?: string;
  url?: string;
}

/**
 * What `transition` did: `applied` (now current), `recorded` (an older deploy's terminal
 * phase, kept in history but not current), or why it refused: `stale` (a newer revision
 * is current), `terminal` (this deploy already ended), `duplicate` (the same terminal
 * phase again, or the same phase with `strict`), `backwards` (an earlier phase than
 * already reached), `conflict` (another deploy id under the same revision).
 */
export type TransitionOutcome = 'applied' | 'recorded' | 'stale' | 'terminal' | 'duplicate' | 'backwards' | 'conflict';

export interface TransitionResult {
  outcome: TransitionOutcome;
  /** True for `applied` and `recorded`: the status is in history and was published. */
  written: boolean;
  current: DeployStatus | undefined;
}

export type StatusInput = Omit<DeployStatus, 'at'> & { at?: string };
