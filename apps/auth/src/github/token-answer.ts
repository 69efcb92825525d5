import { AppError } from '@imad/contracts';
import type { Logger } from '@imad/observability';

/** GitHub's answer to `POST /login/oauth/access_token` with `Accept: application/json`. */
export interface TokenAnswer {
  access_token?: string;
  scope?: string;
  error?: string;
  error_description?: string;
}

/** The token and granted scopes, or the AppError a student (or operator) can act on. */
export function readTokenAnswer(answer: TokenAnswer, logger: Logger): { token: string; scopes: string[] } {
  // GitHub answers 200 with an `error` field for a bad code (see its OAuth troubleshooting docs).
  if (answer.error === 'bad_verification_code') {
    throw new AppError('AUTH.GITHUB_CODE_INVALID', 'GitHub says this sign-in code has expired or was already used. Start the sign-in again.');
  }
  if (answer.error || !answer.access_token) {
    // incorrect_client_credentials, redirect_uri_mismatch…: the platform's set-up, not the student.
    logger.error({ githubError: answer.error, description: answer.error_description }, 'GitHub refused the OAuth code exchange');
    throw new AppError('AUTH.GITHUB_REJECTED', 'GitHub refused to finish the sign-in because of how imad is set up. Please tell your course staff.', { githubError: answer.error ?? 'no access_token' });
  }
  return { token: answer.access_token, scopes: (answer.scope ?? '').split(/[\s,]+/).filter(Boolean) };
}
