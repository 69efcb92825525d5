import WebSocket from 'ws';
import { eventually } from '@imad/testing';
import { PUBLIC_ORIGIN } from './gateway';

export type LiveFrame = { type: string; status?: Record<string, unknown> | null; line?: Record<string, unknown>; dropped?: number };

/** A browser-like /api/live client that records every frame it receives. */
export class LiveClient {
  readonly frames: LiveFrame[] = [];
  closed?: { code: number; reason: string };

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.frames.push(JSON.parse(String(data)) as LiveFrame));
    ws.on('close', (code, reason) => (this.closed = { code, reason: String(reason) }));
  }

  static open(wsUrl: string, cookie: string, options: { origin?: string; autoPong?: boolean } = {}): Promise<LiveClient> {
    const ws = new WebSocket(`${wsUrl}/api/live`, { headers: { cookie, origin: options.origin ?? PUBLIC_ORIGIN }, autoPong: options.autoPong ?? true });
    const client = new LiveClient(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(client));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  /** Resolves with the first recorded frame (from index `from`) that matches. */
  waitFor(what: string, match: (frame: LiveFrame) => boolean, from = 0): Promise<LiveFrame> {
    return eventually(what, () => this.frames.slice(from).find(match), 10_000, 20);
  }

  statuses(): Record<string, unknown>[] {
    return this.frames.filter((f) => f.type === 'status' && f.status).map((f) => f.status!);
  }

  close(): void {
    this.ws.close();
  }
}

/** The HTTP status the server answered a refused upgrade with. */
export function refusedUpgrade(wsUrl: string, headers: Record<string, string>, path = '/api/live'): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl}${path}`, { headers });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => reject(new Error('the upgrade was accepted')));
    ws.on('error', () => undefined);
  });
}
