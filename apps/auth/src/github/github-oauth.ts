/** Port: the three steps of GitHub's OAuth web flow that auth needs. */
export interface GitHubUser {
  /** GitHub's numeric id: stable across login renames, so accounts are keyed on it. */
  id: number;
  login: string;
}

export interface GitHubOAuth {
  authorizeUrl(p: { state: string; redirectUri: string; scopes: readonly string[] }): string;
  /**
   * Trades the one-time code for a token. Throws AppError AUTH.GITHUB_CODE_INVALID (used,
   * expired or unknown code), AUTH.GITHUB_REJECTED (GitHub refused: 4xx or a configuration
   * problem), AUTH.GITHUB_UNAVAILABLE (5xx, unreachable), AUTH.GITHUB_TIMEOUT.
   */
  exchangeCode(p: { code: string; redirectUri: string }): Promise<{ token: string; scopes: string[] }>;
  /** `GET /user` with the student's token; same errors. */
  getUser(token: string): Promise<GitHubUser>;
}

export const GITHUB_OAUTH = Symbol('GitHubOAuth');
