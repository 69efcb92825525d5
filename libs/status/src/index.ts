/**
 * @imad/status — the Redis status store of deploys (gateway writes `queued` + desired,
 * deployer writes the rest). Keys: see `statusKeys` and docs/WORKSPACE.md "Redis keys".
 *
 * ```ts
 * const store = new StatusStore(redis, { historyLength?: 100, logLines?: 500, clock? });
 *
 * // gateway, before publishing deploy.requested (latest request wins):
 * const { revision, status } = await store.requestDeploy({ app, userId, deployId: newDeployId(), action: 'deploy', commit, url? });
 * //   → INCR the app's revision, set desired, write + publish `queued` (atomic).
 * await store.desired(app);                       // DesiredState | undefined
 *
 * // deployer (and the gateway, e.g. failed(internal) when publishing failed):
 * const r = await store.transition({ deployId, app, revision, phase: 'applying', commit, ... }, { strict? }); // `at` defaults to now
 * //   r.outcome: 'applied' | 'recorded' | 'stale' | 'terminal' | 'duplicate' | 'backwards' | 'conflict'
 * //   r.written: in history and published; r.current: the app's current status after the call.
 * await store.current(app);                       // DeployStatus | undefined
 * await store.history(app, 20);                   // DeployStatus[], newest first
 *
 * // live (one shared subscriber connection per store; current state replayed on
 * // subscribe and after a Redis reconnect unless { replayCurrent: false }):
 * const sub = await store.subscribe(['alice', 'bob'], (status) => push(status));
 * await sub.close();
 *
 * // app output (bounded tail list + live channel, one message per line):
 * await store.appendLog(app, { at, stream: 'stdout' | 'stderr' | 'system', line });  // or an array
 * await store.logTail(app, 200);                  // AppLogLine[], oldest first
 * const logs = await store.subscribeLogs([app], (app, line) => push(line));
 * await store.close();                            // the subscriber connection; `redis` stays yours
 * ```
 *
 * Rules (enforced atomically in Redis, see lua.ts): phases of a deploy only move
 * forward (queued → applying → rolling-out → ready | failed | superseded | removed);
 * exactly one terminal phase per deploy; a status of an older revision never replaces a
 * newer current one; when a newer revision becomes current, the unfinished older one is
 * marked `superseded` at once, so every deploy ends in exactly one terminal phase.
 * Errors: `STATUS.INVALID` (input does not match the contract), `STATUS.CORRUPT`.
 */
export { systemClock, type Clock } from './clock';
export { StatusErrors } from './errors';
export { appOfChannel, statusKeys } from './keys';
export { newDeployId, StatusRecords, type DeployRequestInput, type StatusInput, type StatusStoreOptions, type TransitionOutcome, type TransitionResult } from './records';
export { StatusStore, type SubscribeOptions, type Subscription } from './status-store';
