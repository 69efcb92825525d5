/** How stale an expiry may get before a use renews it: about a minute, less for short idle timeouts. */
export const renewalStep = (idleMs: number): number => Math.min(60_000, idleMs / 10);

/**
 * When this process last saw each session's expiry set (by itself or any other process,
 * as the renewal script reports it). While that is recent, resolving needs no renewal and
 * is a plain GET; otherwise it is the renewal script. One round trip either way, and most
 * requests of an active student take the cheap one. Bounded: forgetting costs only an
 * extra script call.
 */
export class RenewalMemory {
  private readonly entries = new Map<string, { setAt: number; idleMs: number }>();

  constructor(private readonly limit = 100_000) {}

  recent(hash: string, now: number): { setAt: number; idleMs: number } | undefined {
    const entry = this.entries.get(hash);
    return entry && now - entry.setAt < renewalStep(entry.idleMs) ? entry : undefined;
  }

  remember(hash: string, setAt: number, idleMs: number): void {
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(hash, { setAt, idleMs });
  }

  forget(hash: string): void {
    this.entries.delete(hash);
  }
}
