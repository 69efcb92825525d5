import type { WebSocket } from 'ws';
import type { LiveConnection } from './live-connection';

/** Open sockets of this process, with a per-student count for the tab cap. */
export class LiveRoster {
  private readonly sockets = new Map<WebSocket, LiveConnection>();
  private readonly perStudent = new Map<string, number>();

  constructor(
    private readonly maxPerStudent: number,
    private readonly onSize: (n: number) => void,
  ) {}

  hasRoom(userId: string): boolean {
    return (this.perStudent.get(userId) ?? 0) < this.maxPerStudent;
  }

  add(ws: WebSocket, connection: LiveConnection): void {
    this.sockets.set(ws, connection);
    const id = connection.student.userId;
    this.perStudent.set(id, (this.perStudent.get(id) ?? 0) + 1);
    this.onSize(this.sockets.size);
  }

  remove(ws: WebSocket): void {
    const connection = this.sockets.get(ws);
    if (!connection) return;
    this.sockets.delete(ws);
    const id = connection.student.userId;
    const left = (this.perStudent.get(id) ?? 1) - 1;
    if (left > 0) this.perStudent.set(id, left);
    else this.perStudent.delete(id);
    this.onSize(this.sockets.size);
  }

  *all(): Iterable<{ ws: WebSocket; connection: LiveConnection }> {
    for (const [ws, connection] of [...this.sockets]) yield { ws, connection };
  }
}
