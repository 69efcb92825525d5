import type { PayloadOf, UserRegistered } from '@imad/contracts';

/** Port: events auth announces to the other services. */
export interface UserEvents {
  /** Resolves once the broker has confirmed the message; `messageId` lets consumers drop duplicates. */
  userRegistered(payload: PayloadOf<typeof UserRegistered>, messageId: string): Promise<void>;
}

export const USER_EVENTS = Symbol('UserEvents');
