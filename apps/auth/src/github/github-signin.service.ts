import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '@imad/contracts';
import { LOGGER, type Logger } from '@imad/observability';
import type { IssuedSession } from '@imad/sessions';
import { TokenVault } from '@imad/token-vault';
import { ACCOUNT_STORE, type AccountStore } from '../accounts/account-store';
import { appNameCandidates } from '../accounts/app-name';
import { SessionStarter } from '../session/session-starter';
import { GITHUB_OAUTH, type GitHubOAuth } from './github-oauth';
import { OAuthStateStore } from './oauth-state-store';
import { GITHUB_SCOPES, hasRequiredScopes } from './scopes';

export interface CallbackQuery {
  code?: string;
  state?: string;
  error?: string;
}

/**
 * Sign-in with GitHub. Every call to GitHub happens before anything is written, so a
 * refused code, a GitHub outage or a timeout leaves no account, token or session behind.
 */
@Injectable()
export class GitHubSignInService {
  constructor(
    @Inject(GITHUB_OAUTH) private readonly github: GitHubOAuth,
    @Inject(OAuthStateStore) private readonly states: OAuthStateStore,
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    @Inject(TokenVault) private readonly vault: TokenVault,
    @Inject(SessionStarter) private readonly starter: SessionStarter,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async begin(redirectUri: string, returnTo: string): Promise<{ location: string; binding: string }> {
    const { state, binding } = await this.states.start(returnTo);
    return { location: this.github.authorizeUrl({ state, redirectUri, scopes: GITHUB_SCOPES }), binding };
  }

  async complete(query: CallbackQuery, cookies: { binding?: string; session?: string }, redirectUri: string): Promise<{ issued: IssuedSession; returnTo: string }> {
    const { returnTo } = await this.states.consume(query.state, cookies.binding);
    if (query.error) {
      // access_denied: the student pressed Cancel on GitHub's consent screen.
      throw new AppError('AUTH.GITHUB_DENIED', 'You did not give imad access on GitHub, so you are not signed in. To use imad, sign in again and press "Authorize".', { githubError: query.error });
    }
    if (!query.code) throw new AppError('REQUEST.INVALID', 'code: GitHub sent no sign-in code. Start the sign-in again.', { field: 'code' });
    const { token, scopes } = await this.github.exchangeCode({ code: query.code, redirectUri });
    if (!hasRequiredScopes(scopes)) {
      throw new AppError('AUTH.GITHUB_SCOPE_MISSING', `imad needs permission to create and update your public repositories (${GITHUB_SCOPES.join(', ')}) to set up your workspace. Sign in again and approve it.`, { granted: scopes });
    }
    const user = await this.github.getUser(token);
    const result = await this.accounts.create({ provider: 'github', githubId: String(user.id) }, { login: user.login }, appNameCandidates(user.login), 'upsert');
    if (result.outcome === 'taken') throw new AppError('AUTH.INTERNAL', 'upsert answered taken');
    await this.vault.put(result.account.userId, token, { scopes });
    this.logger.info({ userId: result.account.userId, outcome: result.outcome, scopes }, 'signed in with GitHub');
    return { issued: await this.starter.start(result.account, cookies.session), returnTo };
  }
}
