import { GatewayError } from '../http/gateway-error';
import type { RateDecision, RateKind } from './rate-limiter';

const what: Record<RateKind, { code: string; noun: string }> = {
  deploy: { code: 'DEPLOY.RATE_LIMITED', noun: 'deploys' },
  save: { code: 'SAVE.RATE_LIMITED', noun: 'saves' },
};

/** 429 with Retry-After, so the IDE can wait exactly that long instead of guessing. */
export function rateLimited(kind: RateKind, decision: RateDecision, perMinute: number): GatewayError {
  const { code, noun } = what[kind];
  return new GatewayError(429, code, `Too many ${noun}: at most ${perMinute} a minute. Try again in ${decision.retryAfterSeconds} s.`, {
    headers: { 'Retry-After': String(decision.retryAfterSeconds) },
    details: { retryAfterSeconds: decision.retryAfterSeconds, limitPerMinute: perMinute },
  });
}
