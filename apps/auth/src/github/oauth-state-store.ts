import type { Redis } from 'ioredis';
import { AppError } from '@imad/contracts';
import { isWellFormedSecret, newSecret, sha256Hex } from '@imad/sessions';

const PREFIX = 'imad:oauth-state:';
export const STATE_TTL_SECONDS = 600;

export interface StartedState {
  /** Goes to GitHub and comes back in the callback URL. */
  state: string;
  /** Goes into an HttpOnly cookie in this browser only. */
  binding: string;
}

/**
 * The `state` of the OAuth web flow: random, stored (hashed) in Redis for ten minutes,
 * single-use (GETDEL), and bound to the browser that started the flow by a second secret
 * in a cookie, so a callback URL lured into another browser signs nobody in there.
 */
export class OAuthStateStore {
  constructor(private readonly redis: Redis) {}

  async start(returnTo: string): Promise<StartedState> {
    const state = newSecret();
    const binding = newSecret();
    await this.redis.set(PREFIX + sha256Hex(state), JSON.stringify({ bindingHash: sha256Hex(binding), returnTo }), 'EX', STATE_TTL_SECONDS);
    return { state, binding };
  }

  /** Consumes the state (even when the binding then fails: a state is never tried twice). Returns where to go afterwards. */
  async consume(state: string | undefined, binding: string | undefined): Promise<{ returnTo: string }> {
    const raw = isWellFormedSecret(state) ? await this.redis.getdel(PREFIX + sha256Hex(state)) : null;
    if (raw === null) {
      throw new AppError('AUTH.STATE_INVALID', 'This sign-in link has expired or was already used. Start the sign-in again.');
    }
    const stored = JSON.parse(raw) as { bindingHash: string; returnTo: string };
    if (!isWellFormedSecret(binding) || sha256Hex(binding) !== stored.bindingHash) {
      throw new AppError('AUTH.STATE_MISMATCH', 'This sign-in was started in another browser, or your cookies were cleared. Start the sign-in again in this browser.');
    }
    return { returnTo: stored.returnTo };
  }
}
