import { randomBytes } from 'node:crypto';
import type { AppName, UserId } from '@imad/contracts';

export type Provider = 'github' | 'local';

/** A student's account. `appName` is chosen once at creation and never changes. */
export interface Account {
  userId: UserId;
  login: string;
  appName: AppName;
  provider: Provider;
  createdAt: string;
  /** When user.registered was confirmed by the broker; absent until then. */
  registeredAt?: string;
  githubId?: string;
  passwordHash?: string;
}

/** How an account is found again: the local username (lower case) or GitHub's numeric user id, which survives renames. */
export type Identity = { provider: 'local'; username: string } | { provider: 'github'; githubId: string };

export function newUserId(): UserId {
  return `u_${randomBytes(10).toString('hex')}`;
}
