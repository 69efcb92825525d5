import { z } from 'zod';
import { defineMessage } from '@imad/contracts';

/** What both sides move: a small, realistic event (a few hundred bytes of JSON). */
export const BenchEvent = defineMessage('bench.event', 1, z.object({ i: z.number().int(), app: z.string(), note: z.string() }));
export const payloadOf = (i: number) => ({ i, app: 'app-bench', note: 'x'.repeat(200) });

export interface Workload {
  url: string;
  n: number;
  prefetch: number;
  /** Publishes awaiting their confirm at any time, same for both sides. */
  window: number;
}

export interface RoundResult {
  impl: 'imad' | 'plain';
  round: number;
  /** All N confirmed, from the first publish. */
  publishMs: number;
  /** All N consumed and acked, from the first publish. */
  totalMs: number;
  publishRate: number;
  endToEndRate: number;
  /** Client CPU (user + system) per message, µs: far less sensitive to a busy machine than rates. */
  cpuUsPerMsg: number;
}

/** Runs `task(i)` for i < n with at most `window` in flight; resolves when all have. */
export async function windowed(n: number, window: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  let failed: unknown;
  const lane = async () => {
    while (next < n && failed === undefined) {
      const i = next++;
      await task(i).catch((error) => (failed = error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, n) }, lane));
  if (failed !== undefined) throw failed;
}

export function result(impl: RoundResult['impl'], round: number, n: number, publishMs: number, totalMs: number, cpu: NodeJS.CpuUsage): RoundResult {
  return {
    impl, round, publishMs: Math.round(publishMs), totalMs: Math.round(totalMs),
    publishRate: Math.round((n / publishMs) * 1000),
    endToEndRate: Math.round((n / totalMs) * 1000),
    cpuUsPerMsg: Math.round(((cpu.user + cpu.system) / n) * 10) / 10,
  };
}
