import { Counter, Histogram, type Registry } from 'prom-client';

export type ConsumeOutcome = 'ack' | 'retry' | 'dead-lettered' | 'requeued';

/**
 * Prometheus metrics of the messaging layer, when the service gives a Registry; without one
 * every method is a no-op, so callers never branch on it.
 */
export class MessagingMetrics {
  private readonly published?: Counter<'exchange' | 'type'>;
  private readonly consumed?: Counter<'queue' | 'outcome'>;
  private readonly deadLettered?: Counter<'queue' | 'reason'>;
  private readonly duration?: Histogram<'queue' | 'outcome'>;
  private readonly rpc?: Histogram<'method' | 'outcome'>;

  constructor(registry?: Registry) {
    if (!registry) return;
    // Re-use metrics already in the registry: tests and multi-module setups share one.
    const get = <T>(name: string, make: () => T): T => (registry.getSingleMetric(name) as T | undefined) ?? make();
    const registers = [registry];
    this.published = get('imad_messages_published_total', () => new Counter({ name: 'imad_messages_published_total', help: 'Messages published and confirmed by the broker', labelNames: ['exchange', 'type'], registers }));
    this.consumed = get('imad_messages_consumed_total', () => new Counter({ name: 'imad_messages_consumed_total', help: 'Messages consumed, by outcome', labelNames: ['queue', 'outcome'], registers }));
    this.deadLettered = get('imad_messages_dead_lettered_total', () => new Counter({ name: 'imad_messages_dead_lettered_total', help: 'Messages sent to a dead-letter queue, by reason', labelNames: ['queue', 'reason'], registers }));
    this.duration = get('imad_message_handler_duration_seconds', () => new Histogram({ name: 'imad_message_handler_duration_seconds', help: 'Handler run time per message', labelNames: ['queue', 'outcome'], buckets: [0.005, 0.02, 0.1, 0.5, 2, 10, 60], registers }));
    this.rpc = get('imad_rpc_client_duration_seconds', () => new Histogram({ name: 'imad_rpc_client_duration_seconds', help: 'RPC call time seen by the caller, by outcome', labelNames: ['method', 'outcome'], buckets: [0.005, 0.02, 0.1, 0.5, 2, 10], registers }));
  }

  // Labelled children cached per label set: this runs per message, label hashing does not need to.
  private readonly children = new Map<string, { inc: () => void } | { observe: (v: number) => void }>();
  private child<T>(key: string, make: () => T): T {
    let found = this.children.get(key) as T | undefined;
    if (!found) this.children.set(key, (found = make()) as never);
    return found;
  }

  onPublished(exchange: string, type: string): void {
    const published = this.published;
    if (published) this.child(`p\0${exchange}\0${type}`, () => published.labels({ exchange: exchange || '(default)', type })).inc();
  }

  onConsumed(queue: string, outcome: ConsumeOutcome, seconds?: number): void {
    const { consumed, duration } = this;
    if (!consumed || !duration) return;
    this.child(`c\0${queue}\0${outcome}`, () => consumed.labels({ queue, outcome })).inc();
    if (seconds !== undefined) this.child(`d\0${queue}\0${outcome}`, () => duration.labels({ queue, outcome })).observe(seconds);
  }

  onDeadLettered(queue: string, reason: string): void {
    this.deadLettered?.inc({ queue, reason });
  }

  onRpc(method: string, outcome: string, seconds: number): void {
    this.rpc?.observe({ method, outcome }, seconds);
  }
}
