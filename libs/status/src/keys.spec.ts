import { clampLine } from './app-logs';
import { appOfChannel, statusKeys } from './keys';

describe('statusKeys', () => {
  it('names the keys and channels of docs/WORKSPACE.md "Redis keys"', () => {
    const k = statusKeys('alice');
    expect(k).toMatchObject({
      desired: 'imad:app:alice:desired',
      status: 'imad:app:alice:status',
      history: 'imad:app:alice:history',
      statusChannel: 'imad:app:alice:status',
      logChannel: 'imad:app:alice:logs',
    });
  });

  it('reads the app back from a channel name and ignores other channels', () => {
    expect(appOfChannel('imad:app:bob-1:logs')).toEqual({ app: 'bob-1', kind: 'logs' });
    expect(appOfChannel('imad:app:bob-1:status')).toEqual({ app: 'bob-1', kind: 'status' });
    expect(appOfChannel('imad:session:x')).toBeUndefined();
  });
});

describe('clampLine', () => {
  it('keeps short lines and cuts long ones with a marker', () => {
    const at = '2025-01-01T00:00:00.000Z';
    expect(clampLine({ at, stream: 'stdout', line: 'ok' }).line).toBe('ok');
    const cut = clampLine({ at, stream: 'stdout', line: 'y'.repeat(5000) }).line;
    expect(cut.length).toBeLessThanOrEqual(4000);
    expect(cut.endsWith('…[cut]')).toBe(true);
  });
});
