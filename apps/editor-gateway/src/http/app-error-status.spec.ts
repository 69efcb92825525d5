import { statusForAppError } from './app-error-status';

describe('statusForAppError', () => {
  it.each([
    ['REPO.CONFLICT', 409],
    ['REPO.NOT_FOUND', 404],
    ['DEPLOY.APP_NOT_FOUND', 404],
    ['REPO.INVALID_PATH', 400],
    ['REPO.INVALID_CHANGE', 400],
    ['REPO.TOO_LARGE', 413],
    ['REPO.FORBIDDEN', 403],
    ['REPO.NOT_READY', 503],
    ['REPO.UPSTREAM_UNAVAILABLE', 503],
    ['RPC.TIMEOUT', 504],
    ['RPC.UNAVAILABLE', 503],
    ['RPC.BAD_REQUEST', 500],
    ['MESSAGING.INVALID_PAYLOAD', 500],
    ['STATUS.INVALID', 500],
    ['SOMETHING.ELSE', 500],
  ])('maps %s to %i', (code, status) => {
    expect(statusForAppError(code)).toBe(status);
  });
});
