import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from '@imad/observability';
import { EtagCache } from './etag-cache';

const GitHubClient = Octokit.plugin(throttling, retry);
export type GitHubClient = InstanceType<typeof GitHubClient>;

export interface GitHubClientOptions {
  baseUrl: string;
  timeoutMs: number;
  /** Seconds GitHub's "retry after" may ask us to wait before we give up and answer REPO.UPSTREAM_UNAVAILABLE. */
  maxRateLimitWaitSeconds: number;
  /** Milliseconds per "second" of back-off (retry and throttling plugins); tests shrink it. */
  retryAfterBaseValue: number;
  /** Retries of a 5xx/network failure (the retry plugin's own back-off between them). */
  retries: number;
  fetch?: typeof globalThis.fetch;
  logger: Logger;
}

/**
 * Octokit clients acting as one student (their own token). Throttling is keyed by the
 * user id, so each student's requests are paced against their own limits (GitHub counts
 * per token) and writes keep GitHub's one-per-second guidance per user; the retry plugin
 * retries 5xx and network failures with back-off; 4xx are answers, not retried.
 * One EtagCache for all clients of the process (see EtagCache for why that is safe).
 */
export class GitHubClients {
  private readonly etags = new EtagCache();
  private readonly fetch: typeof globalThis.fetch;

  constructor(private readonly options: GitHubClientOptions) {
    const base = options.fetch ?? globalThis.fetch;
    const timed: typeof globalThis.fetch = (input, init) => {
      const timeout = AbortSignal.timeout(options.timeoutMs);
      return base(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
    };
    this.fetch = this.etags.wrap(timed);
  }

  get etagHits(): number {
    return this.etags.hits;
  }

  forUser(userId: string, token: string): GitHubClient {
    const { logger, maxRateLimitWaitSeconds } = this.options;
    const giveUpOrWait = (kind: string) => (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
      const wait = retryCount < 2 && retryAfter <= maxRateLimitWaitSeconds;
      logger.warn({ userId, kind, retryAfter, retryCount, method: options.method, url: options.url, wait }, `GitHub ${kind} limit hit`);
      return wait;
    };
    return new GitHubClient({
      auth: token,
      baseUrl: this.options.baseUrl,
      userAgent: 'imad-repo',
      request: { fetch: this.fetch },
      throttle: {
        id: userId,
        retryAfterBaseValue: this.options.retryAfterBaseValue,
        onRateLimit: giveUpOrWait('primary rate'),
        onSecondaryRateLimit: giveUpOrWait('secondary rate'),
      },
      retry: { retries: this.options.retries, retryAfterBaseValue: this.options.retryAfterBaseValue, doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451] },
      log: {
        debug: () => undefined,
        info: () => undefined,
        warn: (message: string) => logger.warn({ userId }, message),
        error: (message: string) => logger.error({ userId }, message),
      },
    });
  }
}
