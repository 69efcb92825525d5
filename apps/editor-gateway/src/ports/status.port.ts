import type { StatusStore } from '@imad/status';

/**
 * The part of the Redis status store the gateway uses: it writes `queued` + desired when a
 * student asks for a deploy (and `failed(internal)` if the request could not be queued),
 * and reads current state, history, log tails and live updates. One store per process, so
 * every socket shares its single subscriber connection.
 */
export type StatusPort = Pick<
  StatusStore,
  'requestDeploy' | 'transition' | 'current' | 'history' | 'logTail' | 'subscribe' | 'subscribeLogs'
>;

export const STATUS_STORE = Symbol('STATUS_STORE');
