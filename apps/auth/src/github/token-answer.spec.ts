import { AppError } from '@imad/contracts';
import { pino } from 'pino';
import { readTokenAnswer, type TokenAnswer } from './token-answer';

const logger = pino({ level: 'silent' });
const codeOf = (answer: TokenAnswer) => {
  try {
    readTokenAnswer(answer, logger);
    return 'no error';
  } catch (error) {
    return (error as AppError).code;
  }
};

describe('readTokenAnswer', () => {
  it('returns the token and the granted scopes', () => {
    expect(readTokenAnswer({ access_token: 'gho_x', scope: 'public_repo,read:user' }, logger)).toEqual({ token: 'gho_x', scopes: ['public_repo', 'read:user'] });
    expect(readTokenAnswer({ access_token: 'gho_x', scope: '' }, logger).scopes).toEqual([]);
  });

  it('tells a spent or expired code (the student can retry) from a set-up problem (staff must act)', () => {
    expect(codeOf({ error: 'bad_verification_code' })).toBe('AUTH.GITHUB_CODE_INVALID');
    expect(codeOf({ error: 'incorrect_client_credentials' })).toBe('AUTH.GITHUB_REJECTED');
    expect(codeOf({ error: 'redirect_uri_mismatch' })).toBe('AUTH.GITHUB_REJECTED');
    expect(codeOf({})).toBe('AUTH.GITHUB_REJECTED');
  });
});
