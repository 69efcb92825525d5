import { randomBytes } from 'node:crypto';
import { CSRF_COOKIE, SESSION_COOKIE, SessionStore } from '@imad/sessions';
import type { Redis } from 'ioredis';
import WebSocket from 'ws';

export interface BenchClient {
  app: string;
  userId: string;
  sessionId: string;
  ws: WebSocket;
  /** Called with every status frame. */
  onStatus?: (status: { deployId: string; phase: string }) => void;
}

/** One signed-in student per client, each with an app of their own (a real session in Redis). */
export async function createStudents(redis: Redis, count: number, prefix: string) {
  const store = new SessionStore(redis, { idleTtlSeconds: 3600 });
  const students: { app: string; userId: string; sessionId: string; cookie: string }[] = [];
  for (let i = 0; i < count; i += 500) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(500, count - i) }, async (_, j) => {
        const app = `${prefix}-${i + j}`;
        const userId = `u_${randomBytes(10).toString('hex')}`;
        const issued = await store.create({ userId, login: app, appName: app, provider: 'local' });
        return { app, userId, sessionId: issued.id, cookie: `${SESSION_COOKIE}=${issued.id}; ${CSRF_COOKIE}=${issued.csrfToken}` };
      }),
    );
    students.push(...batch);
  }
  return { students, destroy: () => Promise.all(students.map((s) => store.destroy(s.sessionId))) };
}

/**
 * Opens a WebSocket per student, `concurrency` handshakes at a time, and resolves once each
 * has received its first frame (the current status: the gateway subscribed it by then).
 */
export async function connectAll(wsUrl: string, origin: string, students: { app: string; userId: string; sessionId: string; cookie: string }[], concurrency: number): Promise<BenchClient[]> {
  const clients: BenchClient[] = new Array(students.length);
  let next = 0;
  const worker = async () => {
    while (next < students.length) {
      const index = next++;
      const s = students[index]!;
      clients[index] = await new Promise<BenchClient>((resolve, reject) => {
        const ws = new WebSocket(`${wsUrl}/api/live`, { headers: { cookie: s.cookie, origin }, perMessageDeflate: false });
        const client: BenchClient = { app: s.app, userId: s.userId, sessionId: s.sessionId, ws };
        ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused for ${s.app}: ${res.statusCode}`)));
        ws.once('error', reject);
        ws.once('message', () => {
          ws.on('message', (data) => {
            const frame = JSON.parse(String(data)) as { type: string; status?: { deployId: string; phase: string } };
            if (frame.type === 'status' && frame.status) client.onStatus?.(frame.status);
          });
          resolve(client);
        });
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return clients;
}
