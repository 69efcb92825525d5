import { pino } from 'pino';
import { OctokitGitHubOAuth } from './octokit-github-oauth';

describe('OctokitGitHubOAuth.authorizeUrl', () => {
  it('points at the configured web host (GitHub Enterprise included) with the state and scopes', () => {
    const github = new OctokitGitHubOAuth({ clientId: 'Iv1.x', clientSecret: 's', baseUrl: 'https://git.example.edu/', apiUrl: 'https://git.example.edu/api/v3', timeoutMs: 1000, logger: pino({ level: 'silent' }) });
    const url = new URL(github.authorizeUrl({ state: 'st', redirectUri: 'https://learn.example.org/auth/github/callback', scopes: ['public_repo'] }));
    expect(url.origin + url.pathname).toBe('https://git.example.edu/login/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: 'Iv1.x', redirect_uri: 'https://learn.example.org/auth/github/callback', scope: 'public_repo', state: 'st', allow_signup: 'true' });
  });
});
