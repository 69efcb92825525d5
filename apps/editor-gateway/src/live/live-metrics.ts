import { Counter, Gauge, type Registry } from 'prom-client';

/** What operators watch on the live channel: open sockets, refusals, lines dropped for slow sockets. */
export class LiveMetrics {
  readonly sockets: Gauge;
  readonly refused: Counter<'reason'>;
  readonly droppedLines: Counter;

  constructor(registry: Registry) {
    this.sockets = new Gauge({ name: 'gateway_live_sockets', help: 'Open /api/live WebSockets', registers: [registry] });
    this.refused = new Counter({ name: 'gateway_live_refused_total', help: 'Refused /api/live upgrades by reason', labelNames: ['reason'], registers: [registry] });
    this.droppedLines = new Counter({ name: 'gateway_live_log_lines_dropped_total', help: 'Log lines not sent to slow sockets', registers: [registry] });
  }
}
