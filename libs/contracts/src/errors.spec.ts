import { AppError, isAppError } from './errors';

describe('AppError', () => {
  it('survives a trip through JSON with its code, message and details', () => {
    const original = new AppError('REPO.CONFLICT', 'the branch moved', { head: 'abc' });
    const copy = AppError.fromJSON(JSON.parse(JSON.stringify(original)));
    expect(copy).toBeInstanceOf(AppError);
    expect(isAppError(copy)).toBe(true);
    expect(copy.toJSON()).toEqual({ code: 'REPO.CONFLICT', message: 'the branch moved', details: { head: 'abc' } });
  });

  it('leaves details out of the JSON when there are none, and is not confused with other errors', () => {
    expect(new AppError('RPC.TIMEOUT', 'late').toJSON()).toEqual({ code: 'RPC.TIMEOUT', message: 'late' });
    expect(isAppError(new Error('plain'))).toBe(false);
  });
});
