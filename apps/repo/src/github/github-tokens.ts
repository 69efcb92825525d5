import { isAppError } from '@imad/contracts';
import type { TokenVault } from '@imad/token-vault';
import { RepoErrors } from '../core/repo-errors';

/** Where the GitHub adapter gets a student's own token. A port, so tests pass tokens directly. */
export interface GitHubTokens {
  /** The token, or REPO.GITHUB_UNAUTHORIZED if there is none usable (the remedy: sign in again). */
  tokenFor(userId: string): Promise<string>;
}

/** Tokens auth sealed into Redis at sign-in (@imad/token-vault). */
export class VaultTokens implements GitHubTokens {
  constructor(private readonly vault: Pick<TokenVault, 'get'>) {}

  async tokenFor(userId: string): Promise<string> {
    try {
      const stored = await this.vault.get(userId);
      if (stored) return stored.token;
    } catch (error) {
      // Unknown key, tampered or corrupt record: unusable, and only a new sign-in fixes it.
      if (!isAppError(error)) throw error;
      throw RepoErrors.githubUnauthorized(`your GitHub sign-in cannot be used (${error.code}); sign in again`, error);
    }
    throw RepoErrors.githubUnauthorized('no GitHub sign-in is stored for you; sign in with GitHub again');
  }
}

/** Fixed tokens per user (tests, tools). */
export class StaticTokens implements GitHubTokens {
  constructor(private readonly tokens: Record<string, string>) {}

  async tokenFor(userId: string): Promise<string> {
    const token = this.tokens[userId];
    if (!token) throw RepoErrors.githubUnauthorized(`no GitHub token for ${userId}`);
    return token;
  }
}
