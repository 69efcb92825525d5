import { appLogLineSchema, deployStatusSchema, type AppLogLine, type DeployStatus } from '@imad/contracts';
import type { Redis } from 'ioredis';
import { AppLogs } from './app-logs';
import { ChannelHub } from './channel-hub';
import { statusKeys } from './keys';
import { StatusRecords, type StatusStoreOptions } from './records';

export interface Subscription {
  close(): Promise<void>;
}

export interface SubscribeOptions {
  /**
   * Deliver each app's current status right after subscribing and again after a
   * Redis reconnect (default true), so a listener never shows silence or a stale phase.
   */
  replayCurrent?: boolean;
  /** A message that does not parse (never written by this store); default: ignored. */
  onInvalid?: (channel: string, raw: string) => void;
}

/** The Redis status store: rules and reads (StatusRecords), live updates and app logs. */
export class StatusStore extends StatusRecords {
  private readonly hub: ChannelHub;
  private readonly logs: AppLogs;

  constructor(redis: Redis, options: StatusStoreOptions & { logLines?: number } = {}) {
    super(redis, options);
    this.hub = new ChannelHub(redis);
    this.logs = new AppLogs(redis, options.logLines ?? 500);
  }

  async subscribe(apps: string[], onStatus: (status: DeployStatus) => void, options: SubscribeOptions = {}): Promise<Subscription> {
    const channels = apps.map((app) => statusKeys(app).statusChannel);
    const replay = () => {
      for (const app of apps) {
        this.current(app).then((s) => s && onStatus(s), () => undefined);
      }
    };
    const handler = (raw: string) => {
      const parsed = safeJson(raw, deployStatusSchema);
      if (parsed) onStatus(parsed);
      else options.onInvalid?.('status', raw);
    };
    const unlisten = await this.hub.listen(channels, handler, options.replayCurrent === false ? undefined : replay);
    if (options.replayCurrent !== false) replay();
    return { close: unlisten };
  }

  appendLog(app: string, line: AppLogLine | AppLogLine[]): Promise<void> {
    return this.logs.append(app, Array.isArray(line) ? line : [line]);
  }

  logTail(app: string, n = 200): Promise<AppLogLine[]> {
    return this.logs.tail(app, n);
  }

  clearLogs(app: string): Promise<void> {
    return this.logs.clear(app);
  }

  async subscribeLogs(apps: string[], onLine: (app: string, line: AppLogLine) => void): Promise<Subscription> {
    const byChannel = new Map(apps.map((app) => [statusKeys(app).logChannel, app]));
    // One handler per app keeps the channel → app mapping without parsing channel names.
    const closers = await Promise.all(
      [...byChannel].map(([channel, app]) =>
        this.hub.listen([channel], (raw) => {
          const line = safeJson(raw, appLogLineSchema);
          if (line) onLine(app, line);
        }),
      ),
    );
    return { close: async () => void (await Promise.all(closers.map((c) => c()))) };
  }

  /** Closes the subscriber connection (the store's main client belongs to the caller). */
  close(): Promise<void> {
    return this.hub.close();
  }
}

function safeJson<T>(raw: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T | undefined {
  try {
    const result = schema.safeParse(JSON.parse(raw));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
