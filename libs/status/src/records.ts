import { randomBytes } from 'node:crypto';
import {
  deployStatusSchema,
  desiredStateSchema,
  type DeployStatus,
  type DesiredState,
} from '@imad/contracts';
import type { Redis } from 'ioredis';
import { systemClock, type Clock } from './clock';
import { StatusErrors } from './errors';
import { statusKeys } from './keys';
import { REQUEST_DEPLOY_LUA, TRANSITION_LUA } from './lua';
import { runScript } from './run-script';
import { parseJson } from './parse';
import type { DeployRequestInput, StatusInput, StatusStoreOptions, TransitionOutcome, TransitionResult } from './types';

export type { DeployRequestInput, StatusInput, StatusStoreOptions, TransitionOutcome, TransitionResult } from './types';

/** Requests, transitions and reads of deploy status (the part with rules); see index.ts. */
export class StatusRecords {
  private readonly historyLength: number;
  private readonly clock: Clock;

  constructor(readonly redis: Redis, options: StatusStoreOptions = {}) {
    this.historyLength = options.historyLength ?? 100;
    this.clock = options.clock ?? systemClock;
  }

  async requestDeploy(input: DeployRequestInput): Promise<{ revision: number; status: DeployStatus; desired: DesiredState }> {
    const at = this.clock.now().toISOString();
    const desired = { app: input.app, deployId: input.deployId, userId: input.userId, action: input.action, commit: input.commit, requestedAt: at };
    const queued = { deployId: input.deployId, app: input.app, action: input.action, commit: input.commit, phase: 'queued' as const, url: input.url, at };
    // Validate with a placeholder revision; the real one is only known inside Redis.
    const d = desiredStateSchema.safeParse({ ...desired, revision: 1 });
    if (!d.success) throw StatusErrors.invalid('deploy request', d.error);
    if (input.action === 'deploy' && !input.commit) throw StatusErrors.commitRequired();
    const s = deployStatusSchema.safeParse({ ...queued, revision: 1 });
    if (!s.success) throw StatusErrors.invalid('queued status', s.error);

    const keys = statusKeys(input.app);
    const [revision] = (await runScript(
      this.redis,
      REQUEST_DEPLOY_LUA,
      [keys.desired, keys.status, keys.history, keys.revisions],
      [withoutRevision(d.data), withoutRevision(s.data), this.historyLength, keys.statusChannel, at],
    )) as [number, string];
    return { revision, status: { ...s.data, revision }, desired: { ...d.data, revision } };
  }

  async desired(app: string): Promise<DesiredState | undefined> {
    const key = statusKeys(app).desired;
    const raw = await this.redis.hget(key, 'state');
    return raw === null ? undefined : parseJson(desiredStateSchema, raw, key);
  }

  /**
   * Writes one status if the rules allow it. `strict`: also refuse a repeat of the deploy's
   * current phase (outcome `duplicate`), for writers that may race to record the same step.
   */
  async transition(input: StatusInput, options: { strict?: boolean } = {}): Promise<TransitionResult> {
    const parsed = deployStatusSchema.safeParse({ ...input, at: input.at ?? this.clock.now().toISOString() });
    if (!parsed.success) throw StatusErrors.invalid('deploy status', parsed.error);
    const status = parsed.data;
    const keys = statusKeys(status.app);
    const [outcome, raw] = (await runScript(
      this.redis,
      TRANSITION_LUA,
      [keys.status, keys.history, keys.revisions],
      [JSON.stringify(status), this.historyLength, keys.statusChannel, status.at, options.strict ? '1' : '0'],
    )) as [TransitionOutcome, string | null];
    const current = raw ? parseJson(deployStatusSchema, raw, keys.status) : undefined;
    return { outcome, written: outcome === 'applied' || outcome === 'recorded', current };
  }

  async current(app: string): Promise<DeployStatus | undefined> {
    const key = statusKeys(app).status;
    const raw = await this.redis.get(key);
    return raw === null ? undefined : parseJson(deployStatusSchema, raw, key);
  }

  /** The last `n` transitions, newest first. */
  async history(app: string, n = 20): Promise<DeployStatus[]> {
    const key = statusKeys(app).history;
    const entries = await this.redis.xrevrange(key, '+', '-', 'COUNT', n);
    return entries.map(([, fields]) => parseJson(deployStatusSchema, fields[fields.indexOf('s') + 1] ?? '', key));
  }
}

/** Object JSON minus `revision` and the opening brace: the Lua script prepends the real revision. */
function withoutRevision(value: { revision: number }): string {
  const { revision: _placeholder, ...rest } = value;
  return JSON.stringify(rest).slice(1);
}

export function newDeployId(): string {
  return `d_${randomBytes(12).toString('base64url')}`;
}

