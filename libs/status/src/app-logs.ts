import { appLogLineSchema, type AppLogLine } from '@imad/contracts';
import type { Redis } from 'ioredis';
import { statusKeys } from './keys';
import { parseJson } from './parse';

/** Longest line kept; the rest is cut with a marker so one huge line cannot flood Redis. */
const MAX_LINE = 4000;

export function clampLine(line: AppLogLine): AppLogLine {
  return line.line.length <= MAX_LINE ? line : { ...line, line: `${line.line.slice(0, MAX_LINE - 12)} …[cut]` };
}

/**
 * App output in Redis: a bounded list per app (the tail the IDE shows on open) and a
 * channel per app (the live follow). Lines are appended in batches, one round trip.
 */
export class AppLogs {
  constructor(
    private readonly redis: Redis,
    private readonly maxLines = 500,
  ) {}

  async append(app: string, lines: AppLogLine[]): Promise<void> {
    if (lines.length === 0) return;
    const keys = statusKeys(app);
    const json = lines.map((l) => JSON.stringify(clampLine(l)));
    const multi = this.redis.multi().rpush(keys.logTail, ...json).ltrim(keys.logTail, -this.maxLines, -1);
    for (const j of json) multi.publish(keys.logChannel, j);
    const results = await multi.exec();
    const failed = results?.find(([error]) => error);
    if (failed) throw failed[0];
  }

  /** The last `n` lines, oldest first. */
  async tail(app: string, n: number): Promise<AppLogLine[]> {
    const key = statusKeys(app).logTail;
    const raw = await this.redis.lrange(key, -Math.max(1, n), -1);
    return raw.map((r) => parseJson(appLogLineSchema, r, key));
  }

  async clear(app: string): Promise<void> {
    await this.redis.del(statusKeys(app).logTail);
  }
}
