import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

const SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600];

/** The deployer's Prometheus metrics, registered on the service's injected Registry. */
export class DeployerMetrics {
  readonly queueWait: Histogram;
  readonly applySeconds: Histogram<'runtime' | 'action'>;
  readonly timeToReady: Histogram<'runtime'>;
  readonly inFlight: Gauge;
  readonly terminal: Counter<'phase' | 'reason'>;
  readonly requests: Counter<'outcome'>;
  readonly kubeRequests: Counter<'verb' | 'code'>;
  readonly kubeRetries: Counter<'cause'>;
  readonly rateLimitWait: Histogram;

  constructor(registry: Registry) {
    const registers = [registry];
    this.queueWait = new Histogram({ name: 'deployer_queue_wait_seconds', help: 'From deploy request to a worker taking it', buckets: SECONDS, registers });
    this.applySeconds = new Histogram({
      name: 'deployer_apply_seconds',
      help: 'From a worker taking a deploy to the runtime accepting it (objects applied, intent recorded)',
      labelNames: ['runtime', 'action'],
      buckets: SECONDS,
      registers,
    });
    this.timeToReady = new Histogram({ name: 'deployer_time_to_ready_seconds', help: 'From deploy request to ready', labelNames: ['runtime'], buckets: SECONDS, registers });
    this.inFlight = new Gauge({ name: 'deployer_in_flight', help: 'Deploy requests being handled by this worker', registers });
    this.terminal = new Counter({ name: 'deployer_terminal_total', help: 'Deploys that reached a terminal phase, by phase and failure reason', labelNames: ['phase', 'reason'], registers });
    this.requests = new Counter({
      name: 'deployer_requests_total',
      help: 'Deploy requests handled, by outcome: accepted, removed, superseded (coalesced without touching the runtime), stale (a newer revision already runs), invalid, failed, finished (a redelivery of a finished deploy)',
      labelNames: ['outcome'],
      registers,
    });
    this.kubeRequests = new Counter({ name: 'deployer_kube_requests_total', help: 'Requests to the Kubernetes API server', labelNames: ['verb', 'code'], registers });
    this.kubeRetries = new Counter({ name: 'deployer_kube_retries_total', help: 'Kubernetes API calls retried, by cause', labelNames: ['cause'], registers });
    this.rateLimitWait = new Histogram({
      name: 'deployer_kube_rate_limit_wait_seconds',
      help: 'Time a Kubernetes call waited for the client-side rate limiter',
      buckets: [0.001, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers,
    });
  }
}
