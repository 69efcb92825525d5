import { Counter, Histogram, type Registry } from 'prom-client';

/**
 * What the repo service measures per RPC: time to answer, and outcome (`ok` or the error
 * code, so conflicts, bad input and GitHub trouble are told apart on a dashboard).
 */
export class RepoMetrics {
  private readonly duration: Histogram<'method' | 'outcome'>;
  private readonly errors: Counter<'method' | 'code'>;

  constructor(registry: Registry) {
    const existing = (name: string) => registry.getSingleMetric(name);
    this.duration =
      (existing('imad_repo_rpc_duration_seconds') as Histogram<'method' | 'outcome'> | undefined) ??
      new Histogram({
        name: 'imad_repo_rpc_duration_seconds',
        help: 'Time the repo service took to answer an RPC, by method and outcome',
        labelNames: ['method', 'outcome'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60],
        registers: [registry],
      });
    this.errors =
      (existing('imad_repo_rpc_errors_total') as Counter<'method' | 'code'> | undefined) ??
      new Counter({ name: 'imad_repo_rpc_errors_total', help: 'RPCs answered with an error, by method and code', labelNames: ['method', 'code'], registers: [registry] });
  }

  observe(method: string, seconds: number, code?: string): void {
    this.duration.labels({ method, outcome: code ? 'error' : 'ok' }).observe(seconds);
    if (code) this.errors.labels({ method, code }).inc();
  }
}
