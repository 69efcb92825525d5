import type { Account, Identity } from './account';

export type UpsertResult = { outcome: 'created' | 'existing'; account: Account } | { outcome: 'taken' };

/**
 * Port: where accounts live. `create` is atomic — identity, unique app name and account
 * appear together or not at all, however many sign-ins race.
 */
export interface AccountStore {
  /**
   * Creates the account for `identity` unless one exists. `mode: 'create-only'` (local sign-up)
   * answers `taken` for an existing identity; `'upsert'` (GitHub) returns it, updating `login`.
   */
  create(
    identity: Identity,
    fields: { login: string; passwordHash?: string },
    appNames: string[],
    mode: 'create-only' | 'upsert',
  ): Promise<UpsertResult>;
  find(identity: Identity): Promise<Account | null>;
  get(userId: string): Promise<Account | null>;
  markRegistered(userId: string, at: string): Promise<void>;
  /** A short lease so only one of several racing sign-ins publishes user.registered. */
  claimRegistration(userId: string, leaseMs: number): Promise<boolean>;
  releaseRegistration(userId: string): Promise<void>;
}

export const ACCOUNT_STORE = Symbol('AccountStore');
