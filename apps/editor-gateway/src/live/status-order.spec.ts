import type { DeployStatus } from '@imad/contracts';
import { isLater } from './status-order';

const status = (revision: number, phase: DeployStatus['phase'], at = '2026-01-01T00:00:00.000Z'): DeployStatus => ({
  deployId: `d_deploy${revision}xx`,
  app: 'alice',
  revision,
  phase,
  at,
});

describe('isLater', () => {
  it('takes anything over nothing shown yet', () => {
    expect(isLater(status(1, 'queued'), null)).toBe(true);
  });

  it('orders by revision first', () => {
    expect(isLater(status(3, 'queued'), status(2, 'ready'))).toBe(true);
    expect(isLater(status(2, 'ready'), status(3, 'queued'))).toBe(false);
  });

  it('moves phases of one revision forward only', () => {
    expect(isLater(status(2, 'applying'), status(2, 'queued'))).toBe(true);
    expect(isLater(status(2, 'queued'), status(2, 'rolling-out'))).toBe(false);
    expect(isLater(status(2, 'failed'), status(2, 'rolling-out'))).toBe(true);
  });

  it('drops an exact repeat but takes a newer report of the same phase', () => {
    expect(isLater(status(2, 'queued'), status(2, 'queued'))).toBe(false);
    expect(isLater(status(2, 'queued', '2026-01-01T00:00:05.000Z'), status(2, 'queued'))).toBe(true);
  });
});
