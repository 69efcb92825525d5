import type { RateLimit } from './rate-limiter';

/**
 * Attempt limits for local accounts. Per address: every sign-up and sign-in attempt,
 * generous because a classroom shares one NAT address. Per username: attempts since the
 * last success, counted for unknown usernames too, so the limit reveals nothing.
 */
export const LOCAL_LIMITS: { perIp: RateLimit; perUsername: RateLimit } = {
  perIp: { limit: 100, windowSeconds: 15 * 60 },
  perUsername: { limit: 10, windowSeconds: 15 * 60 },
};
