import type { AppLogLine, FailureReason } from '@imad/contracts';

/** One deploy as a runtime sees it: an app at an exact commit, for one revision. */
export interface DeployTarget {
  app: string;
  revision: number;
  deployId: string;
  commit: string;
  cloneUrl: string;
  requestedAt: string;
}

export interface RemoveTarget {
  app: string;
  revision: number;
  deployId: string;
}

/**
 * What `apply`/`remove` did. `accepted`: the runtime holds the intent and will report
 * the rollout through the RolloutReporter. `removed`: gone. `stale`: the runtime already
 * runs a newer revision of the app, so this one must not replace it.
 */
export type ApplyOutcome = { kind: 'accepted' } | { kind: 'removed' } | { kind: 'stale'; runningRevision: number };

/** A rollout's progress, reported by the runtime after `apply` accepted it. */
export interface RolloutEvent {
  app: string;
  revision: number;
  deployId: string;
  commit?: string;
  requestedAt?: string;
  phase: 'rolling-out' | 'ready' | 'failed';
  reason?: FailureReason;
  message?: string;
  logTail?: string[];
}

export interface RolloutReporter {
  /** Records the event; true if it was new (this caller's report is the one that counted). */
  report(event: RolloutEvent): Promise<boolean>;
}

/**
 * The Runtime port: where student apps run. Drivers: Kubernetes (server-side apply +
 * rollout tracker) and local child processes (embedded default). The core never sees
 * either SDK. Expected failures are thrown as DeployFailure; anything else is transient
 * and the message is retried.
 */
export interface Runtime {
  readonly kind: 'kubernetes' | 'local';
  /** Begin following rollouts (watches, or re-launching apps that were running). */
  start(reporter: RolloutReporter): Promise<void>;
  apply(target: DeployTarget): Promise<ApplyOutcome>;
  remove(target: RemoveTarget): Promise<ApplyOutcome>;
  /** The app's last output lines straight from the runtime. */
  logs(app: string, tail: number): Promise<AppLogLine[]>;
  /** Stop following; the local driver also stops the apps it runs. */
  stop(): Promise<void>;
}

export const RUNTIME = Symbol('RUNTIME');
