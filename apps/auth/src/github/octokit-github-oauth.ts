import { Octokit } from '@octokit/rest';
import { AppError } from '@imad/contracts';
import type { Logger } from '@imad/observability';
import { callGitHub } from './github-call';
import type { GitHubOAuth, GitHubUser } from './github-oauth';
import { readTokenAnswer, type TokenAnswer } from './token-answer';

export interface OctokitGitHubOptions {
  clientId: string;
  clientSecret: string;
  /** Web host: authorize page and token exchange (https://github.com, or GHE). */
  baseUrl: string;
  /** REST API (https://api.github.com, or https://ghe.example.com/api/v3). */
  apiUrl: string;
  timeoutMs: number;
  logger: Logger;
}


/**
 * Adapter: GitHub's OAuth web flow over Octokit. The two hosts are configured separately
 * (not derived from each other as @octokit/oauth-methods does) so GitHub Enterprise set-ups
 * with unusual API paths work. No retries: a code is single-use, and a retried exchange
 * after a lost answer would only ever get `bad_verification_code`.
 */
export class OctokitGitHubOAuth implements GitHubOAuth {
  private readonly base: string;

  constructor(private readonly options: OctokitGitHubOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  authorizeUrl(p: { state: string; redirectUri: string; scopes: readonly string[] }): string {
    const url = new URL(`${this.base}/login/oauth/authorize`);
    url.search = new URLSearchParams({ client_id: this.options.clientId, redirect_uri: p.redirectUri, scope: p.scopes.join(' '), state: p.state, allow_signup: 'true' }).toString();
    return url.toString();
  }

  async exchangeCode(p: { code: string; redirectUri: string }): Promise<{ token: string; scopes: string[] }> {
    const { data } = await callGitHub('finish signing you in', this.options.timeoutMs, (signal) =>
      this.client().request('POST /login/oauth/access_token', {
        baseUrl: this.base,
        headers: { accept: 'application/json' },
        client_id: this.options.clientId,
        client_secret: this.options.clientSecret,
        code: p.code,
        redirect_uri: p.redirectUri,
        request: { signal },
      }),
    );
    return readTokenAnswer(data as TokenAnswer, this.options.logger);
  }

  async getUser(token: string): Promise<GitHubUser> {
    const { data } = await callGitHub('read your GitHub profile', this.options.timeoutMs, (signal) =>
      this.client(token).request('GET /user', { request: { signal } }),
    );
    if (typeof data?.id !== 'number' || typeof data.login !== 'string') {
      throw new AppError('AUTH.GITHUB_UNAVAILABLE', 'GitHub sent an unreadable profile. Please try again in a few minutes.');
    }
    return { id: data.id, login: data.login };
  }

  private client(token?: string): Octokit {
    const log = this.options.logger.child({ component: 'octokit' });
    return new Octokit({
      ...(token ? { auth: token } : {}),
      baseUrl: this.options.apiUrl,
      userAgent: 'imad-auth',
      // Octokit would otherwise write plain text to the console; never log request bodies.
      log: { debug: () => undefined, info: () => undefined, warn: (m: string) => log.warn(m), error: (m: string) => log.warn(m) },
    });
  }
}
