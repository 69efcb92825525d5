import type { WebSocket } from 'ws';
import type { LiveConnection } from './live-connection';

/** Slices a heartbeat period is cut into; each socket belongs to one (see LiveServer.sweep). */
export const HEARTBEAT_SLICES = 25;

/**
 * Open sockets of this process, with a per-student count for the tab cap, spread over
 * heartbeat slices so that pings and session re-checks of thousands of sockets are spread
 * over the heartbeat period instead of arriving at Redis and the event loop all at once.
 */
export class LiveRoster {
  private readonly sockets = new Map<WebSocket, LiveConnection>();
  private readonly perStudent = new Map<string, number>();
  private readonly slices: Set<WebSocket>[] = Array.from({ length: HEARTBEAT_SLICES }, () => new Set());
  private readonly sliceOf = new Map<WebSocket, Set<WebSocket>>();
  private nextSlice = 0;

  constructor(
    private readonly maxPerStudent: number,
    private readonly onSize: (n: number) => void,
  ) {}

  hasRoom(userId: string): boolean {
    return (this.perStudent.get(userId) ?? 0) < this.maxPerStudent;
  }

  add(ws: WebSocket, connection: LiveConnection): void {
    this.sockets.set(ws, connection);
    const slice = this.slices[this.nextSlice++ % HEARTBEAT_SLICES]!;
    slice.add(ws);
    this.sliceOf.set(ws, slice);
    const id = connection.student.userId;
    this.perStudent.set(id, (this.perStudent.get(id) ?? 0) + 1);
    this.onSize(this.sockets.size);
  }

  remove(ws: WebSocket): void {
    const connection = this.sockets.get(ws);
    if (!connection) return;
    this.sockets.delete(ws);
    this.sliceOf.get(ws)?.delete(ws);
    this.sliceOf.delete(ws);
    const id = connection.student.userId;
    const left = (this.perStudent.get(id) ?? 1) - 1;
    if (left > 0) this.perStudent.set(id, left);
    else this.perStudent.delete(id);
    this.onSize(this.sockets.size);
  }

  *all(): Iterable<{ ws: WebSocket; connection: LiveConnection }> {
    for (const [ws, connection] of [...this.sockets]) yield { ws, connection };
  }

  /** The sockets of one heartbeat slice. */
  *slice(index: number): Iterable<{ ws: WebSocket; connection: LiveConnection }> {
    for (const ws of [...this.slices[index % HEARTBEAT_SLICES]!]) {
      const connection = this.sockets.get(ws);
      if (connection) yield { ws, connection };
    }
  }
}
