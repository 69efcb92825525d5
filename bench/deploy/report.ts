import type { Level } from './level';

/** The levels as a Markdown table for the console. */
export function table(levels: Level[]): string {
  const row = (l: Level) => {
    const r = l.burst.requestToReadySeconds;
    const s = l.steady?.requestToAppliedSeconds;
    return `| ${l.workers} | ${l.burst.total} | ${l.burst.coalesced} | ${l.burst.withoutTerminal} | ${l.burst.deploysSettledPerSecond} | ${l.burst.readyPerSecond} | ${r.p50} / ${r.p95} / ${r.p99} | ${l.pipelineApplyPerSecond} | ${l.plainApply.perSecond} | ${l.ratioToPlainApply} | ${l.ratioSameObjects} | ${s ? `${s.p50} / ${s.p99}` : ''} |`;
  };
  return [
    '| workers | requests | coalesced | no terminal | settled/s | ready/s | request→ready p50/p95/p99 s | pipeline applies/s | plain SSA/s | ratio | same-objects ratio | steady request→applied p50/p99 s |',
    '|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|',
    ...levels.map(row),
  ].join('\n');
}
