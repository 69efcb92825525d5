import type { AppLogLine, DeployStatus } from '@imad/contracts';
import { LiveConnection, type LiveSocket } from './live-connection';

class FakeSocket implements LiveSocket {
  readyState = 1;
  bufferedAmount = 0;
  sent: Record<string, unknown>[] = [];
  terminated = false;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  ping() {}
  close() {}
  terminate() {
    this.terminated = true;
  }
}

const status = (revision: number, phase: DeployStatus['phase']): DeployStatus => ({ deployId: `d_rev${revision}xxxxx`, app: 'alice', revision, phase, at: '2026-01-01T00:00:00.000Z' });
const line = (text: string): AppLogLine => ({ at: '2026-01-01T00:00:00.000Z', stream: 'stdout', line: text });

/** A status store whose current state and live callbacks the test controls. */
function fakeStore(current: DeployStatus | undefined) {
  const listeners: { status?: (s: DeployStatus) => void; log?: (app: string, l: AppLogLine) => void } = {};
  let release: () => void = () => undefined;
  const currentRead = new Promise<void>((resolve) => (release = resolve));
  const store = {
    subscribe: async (_apps: string[], cb: (s: DeployStatus) => void) => ((listeners.status = cb), { close: async () => undefined }),
    subscribeLogs: async (_apps: string[], cb: (app: string, l: AppLogLine) => void) => ((listeners.log = cb), { close: async () => undefined }),
    current: async () => (await currentRead, current),
  };
  return { store, listeners, releaseCurrent: () => release() };
}

const student = { userId: 'u_alice0001', login: 'alice', appName: 'alice' };
const limits = { logHighWaterBytes: 1000, maxBufferedBytes: 10_000 };

function connect(current: DeployStatus | undefined) {
  const ws = new FakeSocket();
  const fake = fakeStore(current);
  const dropped: number[] = [];
  const connection = new LiveConnection(ws, student, 'cookie', fake.store as never, limits, (n) => dropped.push(n));
  return { ws, connection, dropped, ...fake };
}

describe('LiveConnection', () => {
  it('sends the current state first, even when live events arrived while it was being read', async () => {
    const { ws, connection, listeners, releaseCurrent } = connect(status(2, 'applying'));
    const started = connection.start();
    await new Promise((resolve) => setImmediate(resolve));
    listeners.status!(status(2, 'queued')); // older than what is current: must not show after it
    listeners.status!(status(2, 'rolling-out')); // newer: must follow
    listeners.log!('alice', line('early line'));
    releaseCurrent();
    await started;

    expect(ws.sent).toEqual([
      { type: 'status', status: status(2, 'applying') },
      { type: 'status', status: status(2, 'rolling-out') },
      { type: 'log', line: line('early line') },
    ]);
  });

  it('never moves the status backwards or repeats it', async () => {
    const { ws, connection, listeners, releaseCurrent } = connect(undefined);
    releaseCurrent();
    await connection.start();
    listeners.status!(status(3, 'queued'));
    listeners.status!(status(3, 'queued'));
    listeners.status!(status(2, 'ready'));
    listeners.status!(status(3, 'ready'));
    expect(ws.sent.map((f) => (f.status as DeployStatus | null)?.phase ?? null)).toEqual([null, 'queued', 'ready']);
  });

  it('drops log lines for a slow socket and reports the gap once it drains', async () => {
    const { ws, connection, listeners, releaseCurrent, dropped } = connect(undefined);
    releaseCurrent();
    await connection.start();
    ws.bufferedAmount = 5_000; // above the log high-water mark
    for (let i = 0; i < 3; i++) listeners.log!('alice', line(`lost ${i}`));
    listeners.status!(status(1, 'queued')); // statuses still go out
    ws.bufferedAmount = 0;
    listeners.log!('alice', line('after'));

    expect(dropped).toEqual([1, 1, 1]);
    expect(ws.sent.slice(1)).toEqual([
      { type: 'status', status: status(1, 'queued') },
      { type: 'log-gap', dropped: 3 },
      { type: 'log', line: line('after') },
    ]);
  });

  it('cuts a socket that cannot take even status frames, rather than buffering without bound', async () => {
    const { ws, connection, listeners, releaseCurrent } = connect(undefined);
    releaseCurrent();
    await connection.start();
    ws.bufferedAmount = 50_000;
    listeners.status!(status(1, 'queued'));
    expect(ws.terminated).toBe(true);
    expect(ws.sent).toHaveLength(1);
  });

  it('answers the browser keep-alive and counts it as alive', () => {
    const { ws, connection } = connect(undefined);
    connection.alive = false;
    connection.onClientMessage('{"type":"ping"}');
    expect(connection.alive).toBe(true);
    expect(ws.sent).toEqual([{ type: 'pong' }]);
  });
});
