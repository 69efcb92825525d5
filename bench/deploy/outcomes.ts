import type { DeployStatus } from '@imad/contracts';
import type { StatusStore } from '@imad/status';
import { percentiles, round, type Percentiles } from './stats';
import type { SentDeploy } from './burst';

export interface Outcomes {
  total: number;
  byTerminal: Record<string, number>;
  withoutTerminal: number;
  /** Requests replaced by a newer one before being applied (latest wins). */
  coalesced: number;
  applied: number;
  requestToAppliedSeconds: Percentiles;
  /** The two parts of the above: waiting (queue, app lock) and the apply itself (API server). */
  requestToApplyingSeconds: Percentiles;
  applyingToAppliedSeconds: Percentiles;
  requestToReadySeconds: Percentiles;
  /** First request to the last deploy reaching a terminal phase. */
  settleSeconds: number;
  /** First apply to last apply: when the pipeline was busy applying. */
  applyWindowSeconds: number;
  deploysSettledPerSecond: number;
  readyPerSecond: number;
}

const TERMINAL = new Set(['ready', 'failed', 'superseded', 'removed']);

/** Reads every app's history and tells what happened to each deploy sent. */
export async function collect(store: StatusStore, sent: SentDeploy[]): Promise<{ outcomes: Outcomes; pending: number }> {
  const apps = [...new Set(sent.map((s) => s.app))];
  const byDeploy = new Map<string, DeployStatus[]>();
  for (let i = 0; i < apps.length; i += 50) {
    const histories = await Promise.all(apps.slice(i, i + 50).map((app) => store.history(app, 100)));
    for (const h of histories) for (const s of h) (byDeploy.get(s.deployId) ?? byDeploy.set(s.deployId, []).get(s.deployId)!).push(s);
  }
  const t = (s: DeployStatus | undefined) => (s ? Date.parse(s.at) : undefined);
  const byTerminal: Record<string, number> = {};
  const toApplied: number[] = [];
  const toApplying: number[] = [];
  const applyTook: number[] = [];
  const toReady: number[] = [];
  let withoutTerminal = 0;
  let coalesced = 0;
  let first = Infinity;
  let lastEnd = 0;
  let firstApply = Infinity;
  let lastApply = 0;
  for (const d of sent) {
    const h = byDeploy.get(d.deployId) ?? [];
    const queued = t(h.find((s) => s.phase === 'queued'));
    const applying = t(h.find((s) => s.phase === 'applying'));
    const applied = t(h.find((s) => s.phase === 'rolling-out'));
    const end = h.find((s) => TERMINAL.has(s.phase));
    if (queued !== undefined) first = Math.min(first, queued);
    if (!end) {
      withoutTerminal++;
      continue;
    }
    const key = end.reason ? `${end.phase}(${end.reason})` : end.phase;
    byTerminal[key] = (byTerminal[key] ?? 0) + 1;
    lastEnd = Math.max(lastEnd, t(end)!);
    if (end.phase === 'superseded' && applied === undefined) coalesced++;
    if (applied !== undefined && queued !== undefined) {
      toApplied.push((applied - queued) / 1000);
      if (applying !== undefined) {
        toApplying.push((applying - queued) / 1000);
        applyTook.push((applied - applying) / 1000);
      }
      firstApply = Math.min(firstApply, applying ?? applied);
      lastApply = Math.max(lastApply, applied);
    }
    if (end.phase === 'ready' && queued !== undefined) toReady.push((t(end)! - queued) / 1000);
  }
  const settleSeconds = round((lastEnd - first) / 1000);
  const applyWindowSeconds = round((lastApply - firstApply) / 1000);
  return {
    pending: withoutTerminal,
    outcomes: {
      total: sent.length,
      byTerminal,
      withoutTerminal,
      coalesced,
      applied: toApplied.length,
      requestToAppliedSeconds: percentiles(toApplied),
      requestToApplyingSeconds: percentiles(toApplying),
      applyingToAppliedSeconds: percentiles(applyTook),
      requestToReadySeconds: percentiles(toReady),
      settleSeconds,
      applyWindowSeconds,
      deploysSettledPerSecond: round(sent.length / Math.max(settleSeconds, 0.001), 1),
      readyPerSecond: round(toReady.length / Math.max(settleSeconds, 0.001), 1),
    },
  };
}
