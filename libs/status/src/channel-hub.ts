import type { Redis } from 'ioredis';

type Handler = (message: string) => void;

/**
 * One subscriber connection shared by any number of listeners, with SUBSCRIBE and
 * UNSUBSCRIBE counted per channel. A Redis connection in subscriber mode can do nothing
 * else, hence a duplicate of the store's client, made on first use.
 *
 * Pub/sub has no memory: messages published while the connection was down are gone.
 * ioredis re-subscribes on reconnect; `onResync` listeners are then called so they can
 * re-read current state ("status catches up").
 */
export class ChannelHub {
  private client: Redis | undefined;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly resync = new Set<() => void>();
  private readyOnce = false;

  constructor(private readonly source: Redis) {}

  private connection(): Redis {
    if (this.client) return this.client;
    const client = this.source.duplicate();
    client.on('message', (channel: string, message: string) => {
      for (const handler of this.handlers.get(channel) ?? []) handler(message);
    });
    client.on('ready', () => {
      if (this.readyOnce) for (const listener of this.resync) listener();
      this.readyOnce = true;
    });
    // Errors are reconnect noise here; the store's main client reports the outage.
    client.on('error', () => undefined);
    this.client = client;
    return client;
  }

  /** Resolves once Redis confirmed the subscription; the returned function undoes it. */
  async listen(channels: string[], handler: Handler, onResync?: () => void): Promise<() => Promise<void>> {
    const client = this.connection();
    const fresh = channels.filter((c) => !this.handlers.has(c));
    for (const channel of channels) {
      let set = this.handlers.get(channel);
      if (!set) this.handlers.set(channel, (set = new Set()));
      set.add(handler);
    }
    if (onResync) this.resync.add(onResync);
    if (fresh.length > 0) await client.subscribe(...fresh);
    let closed = false;
    return async () => {
      if (closed) return;
      closed = true;
      if (onResync) this.resync.delete(onResync);
      const gone: string[] = [];
      for (const channel of channels) {
        const set = this.handlers.get(channel);
        set?.delete(handler);
        if (set && set.size === 0) {
          this.handlers.delete(channel);
          gone.push(channel);
        }
      }
      if (gone.length > 0 && client.status === 'ready') await client.unsubscribe(...gone);
    };
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.handlers.clear();
    this.resync.clear();
    if (client) await client.quit().catch(() => client.disconnect());
  }
}
